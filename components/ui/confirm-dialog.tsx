'use client';
// A modal confirmation on the native <dialog> (focus trap, Escape to cancel, inert page) for
// changes that cannot be undone. Never window.confirm: it cannot show the exact key safely.
import { useId, useRef, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { useModalDialog } from './use-modal-dialog';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({ open, title, children, confirmLabel, busy, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Several dialogs may be on one page (the config audit's rows): each names its own title.
  const titleId = useId();
  useModalDialog(dialog, open);

  return (
    <dialog
      ref={dialog}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      aria-labelledby={titleId}
      className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-3 p-5">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">{title}</h2>
        <div className="text-sm text-slate-700">{children}</div>
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onCancel} autoFocus>Cancel</Button>
          <Button variant="primary" onClick={onConfirm} disabled={busy}>{busy ? 'Working…' : confirmLabel}</Button>
        </div>
      </div>
    </dialog>
  );
}
