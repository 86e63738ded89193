'use client';
// The admin's "Reset all nodes…" on a Redis Cluster instance's slow log: a modal confirmation
// that names how many nodes and entries, then one POST; the answer is one line per node (each
// node archived first, then reset, audited on its own). A node is reset alone from its own page.
import { plural } from '@/lib/format';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useClusterSlowlogReset } from '@/lib/queries/slowlog';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { describeResetFailure } from './model/reset-failure';
import { nodeResetLine, resetAllQuestion, summarizeResetAll } from './model/reset-all';
import { ResetDialog, useResetDialog } from './reset-dialog';

interface ResetAllControlProps {
  id: string;
  clusterName: string;
  /** Nodes of the cluster as the live view last read them; undefined before it has. */
  nodes: number | undefined;
  /** The sum of the nodes' SLOWLOG LEN as last read. */
  length: number | undefined;
}

export function ResetAllControl({ id, clusterName, nodes, length }: ResetAllControlProps) {
  const reset = useClusterSlowlogReset(id);
  const { toast } = useToast();
  // The dialog stays open on success: it lists each node's outcome.
  const dialog = useResetDialog(reset, (reply) => toast(summarizeResetAll(reply), reply.failed > 0 ? 'error' : 'success'));
  const pending = reset.isPending;

  const failure = reset.error ? describeResetFailure(errorCodeOf(reset.error) ?? 'INTERNAL', reset.error.message) : null;
  const lines = reset.data?.nodes.map(nodeResetLine) ?? [];

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button onClick={dialog.open} data-testid="slowlog-reset-all-button">
        Reset all nodes…
      </Button>
      {reset.data ? (
        <p role="status" className={`text-sm font-medium ${reset.data.failed > 0 ? 'text-red-800' : 'text-emerald-800'}`} data-testid="slowlog-reset-all-done">
          {summarizeResetAll(reset.data)}
        </p>
      ) : null}

      <ResetDialog
        dialogRef={dialog.dialogRef}
        pending={pending}
        width="w-[min(36rem,calc(100vw-2rem))]"
        data-testid="slowlog-reset-all-dialog"
        title={resetAllQuestion(nodes)}
        description={
          <>
            Every node of <strong className="font-semibold break-all">{clusterName}</strong>
            {nodes !== undefined ? ` (${plural(nodes, 'node', 'nodes')}, masters and replicas)` : ''} has its slow log
            archived, then reset{length !== undefined ? `: ${plural(length, 'entry', 'entries')} in all` : ''}.
          </>
        }
        note="Each node is reset on its own, archive first: a node whose archive cannot be written is not reset, and a node that fails does not stop the others. Each node's reset is in the audit log."
        failure={failure}
        failureTestId="slowlog-reset-all-error"
        actions={
          <>
            <Button onClick={dialog.close} disabled={pending}>
              {reset.data ? 'Close' : 'Cancel'}
            </Button>
            {reset.data ? null : (
              <Button variant="primary" onClick={dialog.confirm} disabled={pending} aria-busy={pending} data-testid="slowlog-reset-all-confirm">
                {pending ? 'Archiving…' : `Archive and reset ${nodes !== undefined ? plural(nodes, 'node', 'nodes') : 'every node'}`}
              </Button>
            )}
          </>
        }
      >
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
      </ResetDialog>
    </div>
  );
}
