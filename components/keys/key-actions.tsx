'use client';
// Admin actions on one key: delete (UNLINK) after a confirmation that shows the exact key, and
// set or remove its TTL, each said in a toast once done. Shown to admins only; the API refuses
// everyone else anyway.
import { useId, useState, type FormEvent } from 'react';
import type { KeyDetail } from '@/lib/keys/types';
import { useDeleteKey, useSetTtl } from '@/lib/queries/keys-browser';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/field';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';
import { TTL_UNITS as UNITS, ttlText } from './model/edit-messages';

export function KeyActions({ id, detail, onDeleted }: { id: string; detail: KeyDetail; onDeleted: () => void }) {
  const uid = useId();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteKey(id);
  const ttl = useSetTtl(id);
  const { toast } = useToast();
  const name = detail.key === '' ? '(empty name)' : detail.key;
  const where = `${name} (db${detail.db})`;
  const setTtl = (ttlMs: number) =>
    ttl.mutate({ db: detail.db, keyB64: detail.keyB64, ttlMs }, {
      onSuccess: () => toast(ttlMs === -1 ? `Removed the TTL of ${where}` : `Set the TTL of ${name} to ${ttlText(ttlMs)} (db${detail.db})`),
    });

  const onTtl = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = Number(form.get('amount'));
    const unit = String(form.get('unit')) as keyof typeof UNITS;
    if (!Number.isFinite(amount) || amount <= 0) return;
    setTtl(Math.round(amount * UNITS[unit]));
  };

  return (
    <div className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="key-actions">
      <div className="flex flex-wrap items-end gap-2">
        <form onSubmit={onTtl} className="flex flex-wrap items-end gap-2" aria-label="Set TTL">
          <div>
            <label htmlFor={`${uid}-amount`} className="block text-xs font-medium text-slate-700">New TTL</label>
            <TextInput id={`${uid}-amount`} name="amount" type="number" min={1} step="any" required className="w-24" />
          </div>
          <div>
            <label htmlFor={`${uid}-unit`} className="block text-xs font-medium text-slate-700">Unit</label>
            <Select id={`${uid}-unit`} name="unit" defaultValue="h" className="w-20">
              {Object.keys(UNITS).map((unit) => <option key={unit} value={unit}>{unit}</option>)}
            </Select>
          </div>
          <Button type="submit" disabled={ttl.isPending}>Set TTL</Button>
        </form>
        {detail.ttlMs >= 0 ? (
          <Button onClick={() => setTtl(-1)} disabled={ttl.isPending}>
            Remove TTL
          </Button>
        ) : null}
        <Button variant="primary" className="ml-auto" onClick={() => setConfirming(true)}>Delete key…</Button>
      </div>
      {ttl.isError ? <p className="text-sm text-red-700" role="alert">TTL not changed: {ttl.error.message}</p> : null}
      {remove.isError && !confirming ? <p className="text-sm text-red-700" role="alert">Not deleted: {remove.error.message}</p> : null}
      <ConfirmDialog
        open={confirming}
        title="Delete this key?"
        confirmLabel="Delete key"
        busy={remove.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          remove.mutate({ db: detail.db, keyB64: detail.keyB64 }, {
            onSettled: () => setConfirming(false),
            onSuccess: () => {
              toast(`Deleted ${where}`);
              onDeleted();
            },
          })
        }
      >
        <p>Redis will UNLINK exactly this key in db{detail.db}. This cannot be undone.</p>
        <dl className="mt-2 space-y-1">
          <dt className="text-xs font-medium text-slate-500">Name</dt>
          <dd className="break-all rounded bg-slate-100 px-2 py-1 font-mono" data-testid="confirm-key-name">{detail.key}</dd>
          <dt className="text-xs font-medium text-slate-500">Exact bytes (base64)</dt>
          <dd className="break-all font-mono text-xs">{detail.keyB64 || '(the empty name)'}</dd>
          <dt className="text-xs font-medium text-slate-500">Type</dt>
          <dd>{detail.type}</dd>
        </dl>
      </ConfirmDialog>
    </div>
  );
}
