'use client';
// The admin's "Reset slow log…": a modal confirmation that says how many entries will be
// archived, then one POST (the dialog: ./reset-dialog.tsx).
import { plural } from '@/lib/format';
import { describeResetFailure } from './model/reset-failure';
import { ApiRequestError, errorCodeOf } from '@/lib/queries/fetch-json';
import { useSlowlogReset } from '@/lib/queries/slowlog';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { ResetDialog, useResetDialog } from './reset-dialog';

interface ResetControlProps {
  id: string;
  instanceName: string;
  /** SLOWLOG LEN as last read, or undefined before the live view has loaded. */
  length: number | undefined;
}

export function ResetControl({ id, instanceName, length }: ResetControlProps) {
  const { toast } = useToast();
  const reset = useSlowlogReset(id);
  const dialog = useResetDialog(reset, (reply, close) => {
    close();
    toast(`Reset the slow log of ${instanceName}: ${plural(reply.archived, 'entry', 'entries')} archived first.`);
  });
  const pending = reset.isPending;

  const failure = reset.error
    ? describeResetFailure(
      errorCodeOf(reset.error) ?? 'INTERNAL',
      reset.error.message,
      reset.error instanceof ApiRequestError && typeof reset.error.details.redisReset === 'boolean' ? reset.error.details.redisReset : undefined,
    )
    : null;

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button onClick={dialog.open} data-testid="slowlog-reset-button">
        Reset slow log…
      </Button>
      {reset.isSuccess ? (
        <p role="status" className="text-sm font-medium text-emerald-800" data-testid="slowlog-reset-done">
          <span aria-hidden="true">✓ </span>
          Archived {plural(reset.data.archived, 'entry', 'entries')}; the slow log is empty.
        </p>
      ) : null}

      <ResetDialog
        dialogRef={dialog.dialogRef}
        pending={pending}
        width="w-[min(32rem,calc(100vw-2rem))]"
        title="Reset the slow log?"
        description={
          <>
            {length === undefined ? 'Every entry' : plural(length, 'entry', 'entries')} will be archived, then the slow
            log on <strong className="font-semibold break-all">{instanceName}</strong> is reset.
          </>
        }
        note="Redis reads and empties its log in one MULTI/EXEC; Redlens writes what it read to the archive before it answers. If the archive cannot be written, Redis is not reset."
        failure={failure}
        failureTestId="slowlog-reset-error"
        actions={
          <>
            <Button onClick={dialog.close} disabled={pending}>
              Cancel
            </Button>
            <Button variant="primary" onClick={dialog.confirm} disabled={pending} aria-busy={pending} data-testid="slowlog-reset-confirm">
              {pending ? 'Archiving…' : 'Archive and reset'}
            </Button>
          </>
        }
      />
    </div>
  );
}
