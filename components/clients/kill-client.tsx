'use client';
// The admin's kill: one confirmation for the table that names the chosen client exactly, then
// CLIENT KILL ID, and what came of it. Never offered on Redlens's own rows; the API refuses those
// (and any non-admin) anyway.
import type { ClientView } from '@/lib/clients/types';
import { formatDuration } from '@/lib/format';
import { useKillClient } from '@/lib/queries/clients';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { useToast } from '@/components/ui/toast';

/** The row's button: opens the table's one confirmation for this client. */
export function KillButton({ client, onKill }: { client: ClientView; onKill: (client: ClientView) => void }) {
  return (
    <Button onClick={() => onKill(client)} data-testid="clients-kill" aria-label={`Kill client ${client.id}${client.name ? ` (${client.name})` : ''}`}>
      Kill…
    </Button>
  );
}

interface KillDialogProps {
  id: string;
  /** The client being confirmed; null: the dialog is closed. */
  client: ClientView | null;
  onClose: () => void;
}

export function KillDialog({ id, client, onClose }: KillDialogProps) {
  const kill = useKillClient(id);
  const { toast } = useToast();
  return (
    <>
      {kill.isSuccess && client === null ? (
        <p role="status" className="mb-2 text-sm font-medium text-emerald-800" data-testid="clients-kill-done">
          <span aria-hidden="true">✓ </span>Killed client {kill.data.clientId}{kill.data.name ? ` (${kill.data.name})` : ''} at {kill.data.addr}.
        </p>
      ) : null}
      {kill.isError && client === null ? (
        <p role="alert" className="mb-2 text-sm text-red-700" data-testid="clients-kill-error">Not killed: {kill.error.message}</p>
      ) : null}
      <ConfirmDialog
        open={client !== null}
        title="Kill this client connection?"
        confirmLabel="Kill connection"
        busy={kill.isPending}
        onCancel={onClose}
        onConfirm={() => {
          if (client) {
            kill.mutate(client.id, {
              onSuccess: (reply) => toast(`Killed client ${reply.clientId}${reply.name ? ` (${reply.name})` : ''} at ${reply.addr}.`),
              onSettled: onClose,
            });
          }
        }}
      >
        {client ? (
          <>
            <p>
              Redis will close exactly this connection (CLIENT KILL ID {client.id}). Its application sees a dropped connection and,
              with a pool, opens another.
            </p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1" data-testid="clients-kill-target">
              <dt className="text-xs font-medium text-slate-500">Id</dt>
              <dd className="font-mono">{client.id}</dd>
              <dt className="text-xs font-medium text-slate-500">Name</dt>
              <dd className="break-all font-mono">{client.name || '(none)'}</dd>
              <dt className="text-xs font-medium text-slate-500">Address</dt>
              <dd className="font-mono">{client.addr}</dd>
              <dt className="text-xs font-medium text-slate-500">Idle</dt>
              <dd>{formatDuration(client.idleSeconds)} (last command {client.cmd})</dd>
            </dl>
          </>
        ) : null}
      </ConfirmDialog>
    </>
  );
}
