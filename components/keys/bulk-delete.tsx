'use client';
// Delete matching keys (SPEC section 12): an admin's button beside the key browser's filters that
// opens a dialog with the pattern and type. Work in progress: the dry run and the delete follow.
import { useEffect, useRef, useState } from 'react';
import { useDatabases } from '@/lib/queries/keys-browser';
import { AdminOnly } from '@/components/auth/admin-only';
import { Button } from '@/components/ui/button';

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
      <BulkDeleteButton {...props} />
    </AdminOnly>
  );
}

function BulkDeleteButton({ db }: BulkDeleteProps) {
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Delete matching keys…</Button>
      <dialog ref={dialog} onClose={() => setOpen(false)} aria-label="Delete matching keys" className="m-auto rounded-lg border border-slate-300 p-5 shadow-xl backdrop:bg-slate-900/40">
        <p className="text-sm text-slate-700">Bulk delete in db{db} is coming.</p>
        <Button onClick={() => setOpen(false)}>Close</Button>
      </dialog>
    </>
  );
}
