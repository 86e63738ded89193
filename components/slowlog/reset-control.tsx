'use client';
// The admin's "Reset slow log…": a modal confirmation that says how many entries will be
// archived, then one POST. A native <dialog> opened with showModal() keeps focus inside, closes on
// Escape and hides the page from screen readers; a double click on the confirm resets once.
import { useId, useRef } from 'react';
import { plural } from '@/lib/format';
import { describeResetFailure } from './model/reset-failure';
import { ApiRequestError, errorCodeOf } from '@/lib/queries/fetch-json';
import { useSlowlogReset } from '@/lib/queries/slowlog';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';

interface ResetControlProps {
  id: string;
  instanceName: string;
  /** SLOWLOG LEN as last read, or undefined before the live view has loaded. */
  length: number | undefined;
}

export function ResetControl({ id, instanceName, length }: ResetControlProps) {
  const { toast } = useToast();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // Set in the click handler, before React re-renders the button as disabled.
  const inFlight = useRef(false);
  const reset = useSlowlogReset(id);
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
      onSuccess: (reply) => {
        close();
        toast(`Reset the slow log of ${instanceName}: ${plural(reply.archived, 'entry', 'entries')} archived first.`);
      },
      onSettled: () => {
        inFlight.current = false;
      },
    });
  }

  const failure = reset.error
    ? describeResetFailure(
      errorCodeOf(reset.error) ?? 'INTERNAL',
      reset.error.message,
      reset.error instanceof ApiRequestError && typeof reset.error.details.redisReset === 'boolean' ? reset.error.details.redisReset : undefined,
    )
    : null;

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <Button onClick={open} data-testid="slowlog-reset-button">
        Reset slow log…
      </Button>
      {reset.isSuccess ? (
        <p role="status" className="text-sm font-medium text-emerald-800" data-testid="slowlog-reset-done">
          <span aria-hidden="true">✓ </span>
          Archived {plural(reset.data.archived, 'entry', 'entries')}; the slow log is empty.
        </p>
      ) : null}

      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        // Escape while the reset runs would hide its outcome: the dialog stays until it answers.
        onCancel={(event) => {
          if (pending) event.preventDefault();
        }}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50"
      >
        <div className="space-y-3 p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            Reset the slow log?
          </h2>
          <p id={descriptionId} className="text-sm text-slate-700">
            {length === undefined ? 'Every entry' : plural(length, 'entry', 'entries')} will be archived, then the slow
            log on <strong className="font-semibold break-all">{instanceName}</strong> is reset.
          </p>
          <p className="text-xs text-slate-600">
            Redis reads and empties its log in one MULTI/EXEC; Redlens writes what it read to the archive before it
            answers. If the archive cannot be written, Redis is not reset.
          </p>
          {failure ? (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="slowlog-reset-error">
              <p className="font-semibold">{failure.title}</p>
              <p className="mt-0.5 break-words">{failure.detail}</p>
            </div>
          ) : null}
          <div className="flex flex-wrap justify-end gap-2 pt-2">
            <Button onClick={close} disabled={pending}>
              Cancel
            </Button>
            <Button
              variant="primary"
              onClick={confirm}
              disabled={pending}
              aria-busy={pending}
              data-testid="slowlog-reset-confirm"
            >
              {pending ? 'Archiving…' : 'Archive and reset'}
            </Button>
          </div>
        </div>
      </dialog>
    </div>
  );
}
