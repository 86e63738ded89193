'use client';
// The admin's change of one allowlisted setting: a dialog with the new value (the recommendation
// filled in), before -> after, checked as the server checks it, then one PATCH. Callers wrap it
// in AdminOnly; the API refuses everyone else anyway.
import { useId, useState } from 'react';
import { settingValueProblem } from '@/lib/config-audit/allowlist';
import { useApplySetting } from '@/lib/queries/config';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';

interface ApplySettingProps {
  id: string;
  name: string;
  /** The value now (null when the server does not report it). */
  current: string | null;
  /** The value the dialog opens with. */
  suggested: string;
  /** The button's words: "Apply…" for a recommendation, "Change…" elsewhere. */
  label?: string;
}

export function ApplySetting({ id, name, current, suggested, label = 'Apply…' }: ApplySettingProps) {
  const inputId = useId();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(suggested);
  const apply = useApplySetting(id);
  const { toast } = useToast();
  const problem = settingValueProblem(name, value);

  function start() {
    apply.reset();
    setValue(suggested);
    setOpen(true);
  }

  function confirm() {
    if (problem || apply.isPending) return;
    apply.mutate(
      { name, value: value.trim() },
      {
        onSuccess: (reply) => {
          setOpen(false);
          toast(`Applied ${reply.name}: ${reply.before ?? '(none)'} → ${reply.after ?? '(none)'}.`);
        },
      },
    );
  }

  return (
    <>
      <Button onClick={start} className="px-2 py-0.5 text-xs" aria-label={`${label.startsWith('Apply') ? 'Apply' : 'Change'} ${name}`} data-testid="config-apply">
        {label}
      </Button>
      {apply.isSuccess && !open ? (
        <span role="status" className="ml-2 text-xs font-medium text-emerald-800" data-testid="config-apply-done">
          ✓ {apply.data.name}: {apply.data.before ?? '(none)'} → {apply.data.after ?? '(none)'}
        </span>
      ) : null}
      <ConfirmDialog
        open={open}
        title={`Change ${name}?`}
        confirmLabel="Apply with CONFIG SET"
        busy={apply.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={confirm}
      >
        <p>Redis applies this at once with <code className="font-mono">CONFIG SET</code>; it lasts until a restart unless redis.conf says the same.</p>
        <div className="mt-3">
          <label htmlFor={inputId} className="block text-xs font-medium text-slate-700">New value of {name}</label>
          <TextInput id={inputId} value={value} onChange={(event) => setValue(event.currentTarget.value)} className="mt-1 font-mono" />
        </div>
        <p className="mt-3 font-mono break-all" data-testid="config-apply-diff">
          <span className="rounded bg-slate-100 px-1">{current ?? '(none)'}</span> → <span className="rounded bg-amber-50 px-1">{value.trim() || '(empty)'}</span>
        </p>
        {problem ? <p className="mt-2 text-sm text-amber-900">{problem}.</p> : null}
        {apply.isError ? (
          <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="config-apply-error">
            Not changed: {apply.error.message}
          </p>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
