'use client';
// The slow log's reset confirmations (one instance, every node of a cluster): a native <dialog>
// opened with showModal() (focus kept inside, Escape closes it, the page hidden from screen
// readers) that stays open while the reset runs, so its outcome is never hidden, and a confirm
// that resets once however often it is clicked.
import { useId, useRef, type ReactNode, type RefObject } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ResetFailure } from './model/reset-failure';

/** Open, close and confirm of a reset dialog over its mutation; `onSuccess` gets the reply and the dialog's close. */
export function useResetDialog<Reply>(mutation: UseMutationResult<Reply, Error, void>, onSuccess: (reply: Reply, close: () => void) => void) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  // Set in the click handler, before React re-renders the button as disabled.
  const inFlight = useRef(false);
  const close = () => dialogRef.current?.close();
  return {
    dialogRef,
    open() {
      mutation.reset();
      dialogRef.current?.showModal();
    },
    close,
    confirm() {
      if (inFlight.current) return;
      inFlight.current = true;
      mutation.mutate(undefined, {
        onSuccess: (reply) => onSuccess(reply, close),
        onSettled: () => {
          inFlight.current = false;
        },
      });
    },
  };
}

interface ResetDialogProps {
  dialogRef: RefObject<HTMLDialogElement | null>;
  pending: boolean;
  title: ReactNode;
  /** What will be archived and reset: the dialog's description. */
  description: ReactNode;
  /** How the reset keeps the entries safe. */
  note: ReactNode;
  failure: ResetFailure | null;
  failureTestId: string;
  /** Tailwind width, e.g. `w-[min(32rem,calc(100vw-2rem))]`. */
  width: string;
  /** The outcome shown under the failure (a cluster's line per node). */
  children?: ReactNode;
  /** The buttons. */
  actions: ReactNode;
  'data-testid'?: string;
}

export function ResetDialog({ dialogRef, pending, title, description, note, failure, failureTestId, width, children, actions, ...rest }: ResetDialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      // Escape while the reset runs would hide its outcome: the dialog stays until it answers.
      onCancel={(event) => {
        if (pending) event.preventDefault();
      }}
      className={`m-auto ${width} rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/50`}
      data-testid={rest['data-testid']}
    >
      <div className="space-y-3 p-5">
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        <p id={descriptionId} className="text-sm text-slate-700">
          {description}
        </p>
        <p className="text-xs text-slate-600">{note}</p>
        {failure ? (
          <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid={failureTestId}>
            <p className="font-semibold">{failure.title}</p>
            <p className="mt-0.5 break-words">{failure.detail}</p>
          </div>
        ) : null}
        {children}
        <div className="flex flex-wrap justify-end gap-2 pt-2">{actions}</div>
      </div>
    </dialog>
  );
}
