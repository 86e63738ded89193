'use client';
// Delete matching keys (SPEC section 12): an admin's button beside the key browser's filters that
// opens a dialog with the pattern (the browser's filter, editable) and a type. A dry run always
// comes first and counts the keys (listing the first 100); the delete is offered only for exactly
// the pattern, type and db that dry run counted, and only once the admin has typed its count.
// While it runs: a progress bar with the figures and Stop; at the end the outcome and a toast.
// Not offered to viewers, in read-only mode (AdminOnly) or on a replica (it refuses writes).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { MAX_MATCH_BYTES, REDIS_TYPES } from '@/lib/keys/constants';
import { DRY_RUN_LISTED, type BulkDeleteJob } from '@/lib/bulk-delete/types';
import { endSentence, formatNumber, plural } from '@/lib/format';
import { runningJobIdOf, useBulkDeleteJob, useStartBulkDelete, useStopBulkDelete } from '@/lib/queries/bulk-delete';
import { useDatabases } from '@/lib/queries/keys-browser';
import { AdminOnly } from '@/components/auth/admin-only';
import { Button } from '@/components/ui/button';
import { Field, Select, TextInput } from '@/components/ui/field';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useToast } from '@/components/ui/toast';
import { useModalDialog } from '@/components/ui/use-modal-dialog';
import {
  bulkProgressView, confirmsCount, deletableCount, outcomeText, outcomeToast, sameScope, scopeOf, scopeText, type BulkDeleteScope,
} from './model/bulk-delete';

export interface BulkDeleteProps {
  id: string;
  db: number;
  /** The SCAN MATCH pattern of the browser's filter (matchFor), if any. */
  match: string | undefined;
  type: string | undefined;
}

export function BulkDelete(props: BulkDeleteProps) {
  const databases = useDatabases(props.id);
  // A replica refuses writes (READONLY): nothing to offer there.
  if (databases.data?.role === 'replica') return null;
  return (
    <AdminOnly>
      <BulkDeleteControl {...props} />
    </AdminOnly>
  );
}

function BulkDeleteControl({ id, db, match, type }: BulkDeleteProps) {
  const uid = useId();
  // Button takes no ref: its wrapper finds it, to give focus back when the dialog closes.
  const opener = useRef<HTMLSpanElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [pattern, setPattern] = useState(match ?? '');
  const [keyType, setKeyType] = useState(type ?? '');
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [deleteId, setDeleteId] = useState<string | null>(null);
  const [confirmText, setConfirmText] = useState('');
  const start = useStartBulkDelete(id);
  const dryRun = useBulkDeleteJob(id, dryRunId);
  const deletion = useBulkDeleteJob(id, deleteId);
  const { toast } = useToast();

  const scope: BulkDeleteScope = { db, match: pattern, type: keyType === '' ? undefined : keyType };
  const running = dryRun.data?.status === 'running' || deletion.data?.status === 'running';
  const count = deletableCount(dryRun.data, scope);

  useModalDialog(dialog, open);

  // A real delete's end is told once, dialog open or not.
  const told = useRef<string | null>(null);
  const finished = deletion.data && deletion.data.status !== 'running' ? deletion.data : null;
  useEffect(() => {
    if (!finished || told.current === finished.id) return;
    told.current = finished.id;
    const line = outcomeToast(finished);
    if (line) toast(line.message, line.tone);
  }, [finished, toast]);

  const openDialog = () => {
    // A run still going is shown again; otherwise the dialog starts from the browser's filter.
    if (!running) {
      setPattern(match ?? '');
      setKeyType(type ?? '');
      setDryRunId(null);
      setDeleteId(null);
      setConfirmText('');
      start.reset();
    }
    setOpen(true);
  };

  const launch = (dry: boolean) =>
    start.mutate({ db, match: scope.match, ...(scope.type !== undefined && { type: scope.type }), dryRun: dry }, {
      onSuccess: (started) => (dry ? setDryRunId(started.id) : setDeleteId(started.id)),
      onError: (error) => {
        // Someone's bulk delete already runs here: follow it instead.
        const other = runningJobIdOf(error);
        if (other) setDeleteId(other);
      },
    });

  const onDryRun = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDeleteId(null);
    setConfirmText('');
    launch(true);
  };

  const staleDryRun = dryRun.data?.status === 'done' && !sameScope(scopeOf(dryRun.data.params), scope);

  return (
    <>
      <span ref={opener} className="contents">
        <Button onClick={openDialog} data-testid="bulk-delete-open">Delete matching keys…</Button>
      </span>
      <dialog
        ref={dialog}
        onClose={() => {
          setOpen(false);
          opener.current?.querySelector('button')?.focus();
        }}
        aria-labelledby={`${uid}-title`}
        className="m-auto w-[min(44rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
        data-testid="bulk-delete-dialog"
      >
        <div className="space-y-4 p-5">
          <h2 id={`${uid}-title`} className="text-lg font-semibold text-slate-900">Delete matching keys in db{db}</h2>
          <p className="text-sm text-slate-700">
            Redis will UNLINK every key of db{db} whose name matches the pattern (SCAN MATCH: <code>*</code> any run of
            characters, <code>?</code> one character). A dry run counts them first; nothing is deleted until you confirm that count.
          </p>
          <form onSubmit={onDryRun} className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_10rem_auto] sm:items-end" aria-label="What to delete">
            <Field label="Pattern" htmlFor={`${uid}-match`}>
              <TextInput
                id={`${uid}-match`}
                value={pattern}
                onChange={(event) => setPattern(event.currentTarget.value)}
                required
                maxLength={MAX_MATCH_BYTES}
                spellCheck={false}
                autoComplete="off"
                className="font-mono"
              />
            </Field>
            <Field label="Type" htmlFor={`${uid}-type`}>
              <Select id={`${uid}-type`} value={keyType} onChange={(event) => setKeyType(event.currentTarget.value)}>
                <option value="">any</option>
                {REDIS_TYPES.map((name) => <option key={name} value={name}>{name}</option>)}
              </Select>
            </Field>
            <Button type="submit" disabled={running || start.isPending || pattern === ''}>Dry run</Button>
          </form>
          {/^\**$/.test(pattern) && pattern !== '' && keyType === '' ? (
            <p className="text-sm text-amber-900">&quot;*&quot; alone would take the whole db: Redlens refuses it unless you pick a type.</p>
          ) : null}
          {start.error && !runningJobIdOf(start.error) ? (
            <p role="alert" className="text-sm text-red-800">Not started: {endSentence(start.error.message)}</p>
          ) : null}
          {dryRun.error ? <p role="alert" className="text-sm text-red-800">{endSentence(dryRun.error.message)}</p> : null}
          {dryRun.data ? <DryRunPanel id={id} job={dryRun.data} stale={staleDryRun} /> : null}

          {count !== null && count > 0 && !deleteId ? (
            <form
              className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3"
              aria-label="Confirm the delete"
              onSubmit={(event) => {
                event.preventDefault();
                if (confirmsCount(confirmText, count)) launch(false);
              }}
            >
              <Field label={`Type ${formatNumber(count, 0)} to confirm`} htmlFor={`${uid}-confirm`}>
                <TextInput
                  id={`${uid}-confirm`}
                  value={confirmText}
                  onChange={(event) => setConfirmText(event.currentTarget.value)}
                  inputMode="numeric"
                  autoComplete="off"
                  className="w-40"
                />
              </Field>
              <Button type="submit" variant="primary" disabled={!confirmsCount(confirmText, count) || start.isPending}>
                Delete {plural(count, 'key', 'keys')}
              </Button>
              <p className="text-xs text-slate-600">
                Keys written or expired since the dry run may change the final figure; only keys that match {scopeText(scope)} are deleted.
              </p>
            </form>
          ) : null}

          {deletion.error ? <p role="alert" className="text-sm text-red-800">{endSentence(deletion.error.message)}</p> : null}
          {deletion.data ? <DeletePanel id={id} job={deletion.data} expected={count} /> : null}

          <div className="flex justify-end pt-1">
            <Button onClick={() => setOpen(false)}>Close</Button>
          </div>
        </div>
      </dialog>
    </>
  );
}

/** A job still going: its bar, its figures and Stop. */
function JobProgress({ id, job, expected }: { id: string; job: BulkDeleteJob; expected: number | null }) {
  const stop = useStopBulkDelete(id);
  const view = bulkProgressView(job.progress, job.params.dryRun, expected);
  return (
    <div className="space-y-2" data-testid="bulk-delete-progress">
      <ProgressBar ratio={view.ratio} label={job.params.dryRun ? 'Keys counted' : 'Keys deleted'} tone={view.pacedText ? 'warn' : 'neutral'} />
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700">
        {/* Polite: the figures change every second and must not interrupt a screen reader. */}
        <p aria-live="polite" className="tabular-nums">
          <span className="font-medium text-slate-900">{view.countText}</span>
          {view.scanText ? ` · ${view.scanText}` : ''}
        </p>
        {view.pacedText ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-2 py-0.5 text-xs text-amber-900">
            {view.pacedText}: slowed down so Redis keeps answering its clients in time
          </p>
        ) : null}
        <Button className="ml-auto" onClick={() => stop.mutate(job.id)} disabled={stop.isPending}>
          {stop.isPending ? 'Stopping…' : 'Stop'}
        </Button>
      </div>
      {stop.error ? <p role="alert" className="text-sm text-red-800">Could not stop it: {endSentence(stop.error.message)}</p> : null}
    </div>
  );
}

function DryRunPanel({ id, job, stale }: { id: string; job: BulkDeleteJob; stale: boolean }) {
  if (job.status === 'running') return <JobProgress id={id} job={job} expected={null} />;
  const result = job.result;
  if (job.status !== 'done' || !result) {
    return (
      <p role="alert" className="text-sm text-red-800">
        The dry run {job.status === 'cancelled' ? 'was stopped' : job.status}{job.error ? `: ${endSentence(job.error)}` : '.'} Run it again to delete.
      </p>
    );
  }
  return (
    <section className="space-y-2" aria-label="Dry run result" data-testid="bulk-delete-dry-run">
      <p className="text-sm text-slate-900" role="status">
        <span className="font-semibold" data-testid="bulk-delete-count">{plural(result.matched, 'key matches', 'keys match')}</span>{' '}
        <code>{job.params.match}</code>{job.params.type !== undefined ? ` of type ${job.params.type}` : ''} in db{job.params.db}
        {' '}({formatNumber(result.scanned, 0)} keys scanned). Nothing was deleted.
        {result.deduped ? '' : ' More keys matched than Redlens remembers names of: a key SCAN returned twice may be counted twice.'}
      </p>
      {stale ? <p className="text-sm text-amber-900">The pattern or type changed since this dry run: run it again to delete.</p> : null}
      {result.firstKeys.length > 0 ? (
        <details open className="text-sm">
          <summary className="cursor-pointer text-slate-700">
            {result.matched > result.firstKeys.length ? `The first ${formatNumber(result.firstKeys.length, 0)} of them` : 'All of them'}
          </summary>
          <ol className="mt-1 max-h-48 overflow-auto rounded border border-slate-200 bg-slate-50 px-3 py-1 font-mono text-xs" data-testid="bulk-delete-names">
            {result.firstKeys.slice(0, DRY_RUN_LISTED).map((name) => <li key={name.keyB64} className="break-all">{name.key}</li>)}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

function DeletePanel({ id, job, expected }: { id: string; job: BulkDeleteJob; expected: number | null }) {
  if (job.status === 'running') return <JobProgress id={id} job={job} expected={job.params.dryRun ? null : expected} />;
  if (!job.result) {
    return <p role="alert" className="text-sm text-red-800">The bulk delete {job.status}: {endSentence(job.error ?? 'no reason known')}</p>;
  }
  const failed = job.result.errors > 0;
  return (
    <p role="status" className={`rounded-md border px-3 py-2 text-sm ${failed ? 'border-red-300 bg-red-50 text-red-900' : 'border-emerald-300 bg-emerald-50 text-emerald-950'}`} data-testid="bulk-delete-outcome">
      {job.params.dryRun ? `Dry run: ${plural(job.result.matched, 'key matches', 'keys match')} ${scopeText(scopeOf(job.params))}.` : `${outcomeText(job.result)} (${scopeText(scopeOf(job.params))})`}
    </p>
  );
}
