'use client';
// A native <dialog> shown modal while `open` (focus kept inside, Escape fires its cancel event,
// the page inert) and closed when it turns false: the one way every dialog here opens.
import { useEffect, type RefObject } from 'react';

export function useModalDialog(dialog: RefObject<HTMLDialogElement | null>, open: boolean): void {
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [dialog, open]);
}
