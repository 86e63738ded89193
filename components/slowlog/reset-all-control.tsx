'use client';
// The admin's "Reset all nodes…" on a Redis Cluster instance's slow log: a modal confirmation
// that names how many nodes and entries, then one POST; the answer is one line per node (each
// node archived first, then reset, audited on its own). A node is reset alone from its own page.
import { useId, useRef } from 'react';
import { plural } from '@/lib/format';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useClusterSlowlogReset } from '@/lib/queries/slowlog';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { describeResetFailure } from './model/reset-failure';
import { nodeResetLine, resetAllQuestion, summarizeResetAll } from './model/reset-all';

interface ResetAllControlProps {
  id: string;
  clusterName: string;
  /** Nodes of the cluster as the live view last read them; undefined before it has. */
  nodes: number | undefined;
  /** The sum of the nodes' SLOWLOG LEN as last read. */
  length: number | undefined;
}

export function ResetAllControl({ id, clusterName, nodes, length }: ResetAllControlProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inFlight = useRef(false);
  const reset = useClusterSlowlogReset(id);
  const { toast } = useToast();
  const titleId = useId();
  const descriptionId = useId();
  const pending = reset.isPending;

  function open() {
    reset.reset();
    dialogRef.current?.showModal();
  }

  function close() {
    dialogRef.current?.close();
  }

  function confirm() {
    if (inFlight.current) return;
    inFlight.current = true;
    reset.mutate(undefined, {
      onSuccess: (reply) => toast(summarizeResetAll(reply), reply.failed > 0 ? 'error' : 'success'),
      onSettled: () => {
        inFlight.current = false;
      },
    });
  }

  const failure = reset.error ? describeResetFailure(errorCodeOf(reset.error) ?? 'INTERNAL', reset.error.message) : null;
  const lines = reset.data?.nodes.map(nodeResetLine) ?? [];

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button onClick={open} data-testid="slowlog-reset-all-button">
        Reset all nodes…
      </Button>
      {reset.data ? (
        <p role="status" className={`text-sm font-medium ${reset.data.failed > 0 ? 'text-red-800' : 'text-emerald-800'}`} data-testid="slowlog-reset-all-done">
          {summarizeResetAll(reset.data)}
        </p>
      ) : null}

      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        onCancel={(event) => {
          if (pending) event.preventDefault();
        }}
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
        data-testid="slowlog-reset-all-dialog"
      >
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {resetAllQuestion(nodes)}
          </h2>
          <p id={descriptionId} className="text-sm text-slate-700">
            Every node of <strong className="font-semibold break-all">{clusterName}</strong>
            {nodes !== undefined ? ` (${plural(nodes, 'node', 'nodes')}, masters and replicas)` : ''} has its slow log
            archived, then reset{length !== undefined ? `: ${plural(length, 'entry', 'entries')} in all` : ''}.
          </p>
          <p className="text-xs text-slate-600">
            Each node is reset on its own, archive first: a node whose archive cannot be written is not reset, and a node
            that fails does not stop the others. Each node&apos;s reset is in the audit log.
          </p>
          {failure ? (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="slowlog-reset-all-error">
              <p className="font-semibold">{failure.title}</p>
              <p className="mt-0.5 break-words">{failure.detail}</p>
            </div>
          ) : null}
          {lines.length > 0 ? (
            <ul className="space-y-1 text-sm" data-testid="slowlog-reset-all-results">
              {lines.map((line) => (
                <li key={line.instanceId} data-testid="slowlog-reset-all-node" className={line.ok ? 'text-emerald-800' : 'text-red-800'}>
                  <span aria-hidden="true">{line.ok ? '✓ ' : '✗ '}</span>
                  <span className="font-mono text-xs">{line.address}</span>: {line.text}
                </li>
              ))}
            </ul>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button onClick={close} disabled={pending}>
              {reset.data ? 'Close' : 'Cancel'}
            </Button>
            {reset.data ? null : (
              <Button variant="primary" onClick={confirm} disabled={pending} aria-busy={pending} data-testid="slowlog-reset-all-confirm">
                {pending ? 'Archiving…' : `Archive and reset ${nodes !== undefined ? plural(nodes, 'node', 'nodes') : 'every node'}`}
              </Button>
            )}
          </div>
        </div>
      </dialog>
    </div>
  );
}
