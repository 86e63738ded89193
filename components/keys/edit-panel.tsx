'use client';
// An admin's edits of the open key: the buttons of its type (edit the value, set a field, push,
// add a member, add an entry...) and Rename, one inline form open at a time; the value view's row
// buttons open the same forms filled in, or a confirmation for a removal. Rendered only for an
// admin, not in read-only mode and not on a replica (key-detail.tsx decides).
import { useRef, useState, type MouseEvent } from 'react';
import type { KeyEditOpInput } from '@/lib/keys/edit';
import type { KeyDetail } from '@/lib/keys/types';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import {
  HashSetForm, ListPushForm, ListRemoveForm, ListSetForm, RenameForm, SetAddForm, StreamAddForm, StringForm, ZsetAddForm,
} from './edit-forms';
import { isEditableType, useRunEdit, type EditMeta } from './edit-run';
import type { OnRowAction, RowAction } from './model/row-action';

type FormName = 'string' | 'hash-set' | 'list-push' | 'list-set' | 'list-remove' | 'set-add' | 'zset-add' | 'stream-add' | 'rename';
type Removal = Extract<RowAction, { kind: 'hash-delete' | 'list-remove' | 'set-remove' | 'zset-remove' | 'stream-delete' }>;

interface OpenEdit {
  form: FormName | 'confirm';
  action?: RowAction;
  /** Focus goes back here when the form or the confirmation closes. */
  opener: HTMLElement | null;
  /** A new open (even of the same form) starts the form afresh. */
  seq: number;
}

/** The buttons each type offers. */
const TYPE_FORMS: Record<string, Array<[FormName, string]>> = {
  string: [['string', 'Edit value…']],
  hash: [['hash-set', 'Set a field…']],
  list: [['list-push', 'Push…'], ['list-set', 'Set by index…'], ['list-remove', 'Remove by value…']],
  set: [['set-add', 'Add a member…']],
  zset: [['zset-add', 'Add a member…']],
  stream: [['stream-add', 'Add an entry…']],
};

const formOf = (action: RowAction): FormName | 'confirm' =>
  action.kind === 'hash-edit' ? 'hash-set' : action.kind === 'list-set' ? 'list-set' : action.kind === 'zset-score' ? 'zset-add' : 'confirm';

/** Which form is open and the row action that filled it; shared by the panel and the value view's rows. */
export function useKeyEditor() {
  const [open, setOpen] = useState<OpenEdit | null>(null);
  const seq = useRef(0);
  const show = (form: FormName | 'confirm', opener: HTMLElement | null, action?: RowAction) => {
    seq.current += 1;
    setOpen({ form, opener, seq: seq.current, ...(action && { action }) });
  };
  const close = () => {
    const opener = open?.opener;
    setOpen(null);
    // After the form is gone: focus back where the user was.
    if (opener) requestAnimationFrame(() => opener.isConnected && opener.focus());
  };
  const onRowAction: OnRowAction = (action, opener) => show(formOf(action), opener, action);
  return { open, show, close, onRowAction };
}

export type KeyEditor = ReturnType<typeof useKeyEditor>;

/** What a removal asks, does and says. */
function removalOf(action: Removal): { title: string; what: string; confirm: string; op: KeyEditOpInput; meta: EditMeta } | null {
  switch (action.kind) {
    case 'hash-delete':
      return action.field.b64 === undefined ? null : {
        title: 'Delete this field?', what: `HDEL removes the field ${action.field.text}.`, confirm: 'Delete field',
        op: { hdel: { fieldB64: action.field.b64 } }, meta: { subjectB64: action.field.b64 },
      };
    case 'list-remove':
      return action.value.b64 === undefined ? null : {
        title: 'Remove every equal element?', what: `LREM removes every element equal to ${action.value.text}, wherever it is in the list.`, confirm: 'Remove elements',
        op: { lrem: { valueB64: action.value.b64 } }, meta: { subjectB64: action.value.b64 },
      };
    case 'set-remove':
      return action.member.b64 === undefined ? null : {
        title: 'Remove this member?', what: `SREM removes the member ${action.member.text}.`, confirm: 'Remove member',
        op: { srem: { memberB64: action.member.b64 } }, meta: { subjectB64: action.member.b64 },
      };
    case 'zset-remove':
      return action.member.b64 === undefined ? null : {
        title: 'Remove this member?', what: `ZREM removes the member ${action.member.text}.`, confirm: 'Remove member',
        op: { zrem: { memberB64: action.member.b64 } }, meta: { subjectB64: action.member.b64 },
      };
    case 'stream-delete':
      return {
        title: 'Delete this entry?', what: `XDEL deletes the entry ${action.id}.`, confirm: 'Delete entry',
        op: { xdel: { id: action.id } }, meta: { detail: action.id },
      };
  }
}

interface KeyEditPanelProps {
  id: string;
  detail: KeyDetail;
  /** Every page of the value read so far (the string editor starts from the whole value). */
  pages: KeyDetail[];
  editor: KeyEditor;
  /** After a rename: the key now has this name. */
  onRenamed: (keyB64: string) => void;
}

export function KeyEditPanel({ id, detail, pages, editor, onRenamed }: KeyEditPanelProps) {
  const edit = useRunEdit(id, detail);
  if (!isEditableType(detail.type)) return null;
  const { open } = editor;
  const openForm = (form: FormName) => (event: MouseEvent<HTMLButtonElement>) => {
    edit.reset();
    editor.show(form, event.currentTarget);
  };
  const close = () => {
    edit.reset();
    editor.close();
  };
  const common = { detail, edit, onClose: close };
  const action = open?.action;
  const removal = open?.form === 'confirm' && action ? removalOf(action as Removal) : null;
  // After a 409 the key is read again: if it is of another type now, its open form no longer
  // fits. The form goes; why it went stays.
  const fits = !open || open.form === 'rename' || open.form === 'confirm' || (TYPE_FORMS[detail.type] ?? []).some(([form]) => form === open.form);
  const shown = fits ? open : null;

  return (
    <section aria-label="Edit the key" className="space-y-2" data-testid="key-edit">
      <div className="flex flex-wrap gap-2">
        {(TYPE_FORMS[detail.type] ?? []).map(([form, label]) => (
          <Button key={form} onClick={openForm(form)} aria-expanded={open?.form === form}>{label}</Button>
        ))}
        <Button onClick={openForm('rename')} aria-expanded={open?.form === 'rename'}>Rename…</Button>
      </div>
      {!fits && edit.error ? (
        <p className="text-sm text-red-700" role="alert" data-testid="edit-stale">
          The key is a {detail.type} now: the open edit was closed. {edit.error.message}
        </p>
      ) : null}
      {shown?.form === 'string' ? <StringForm key={shown.seq} {...common} pages={pages} /> : null}
      {shown?.form === 'hash-set' ? (
        <HashSetForm
          key={shown.seq}
          {...common}
          {...(action?.kind === 'hash-edit' && { field: action.field.b64, value: action.value.b64, valueCut: action.value.cut === true })}
        />
      ) : null}
      {shown?.form === 'list-push' ? <ListPushForm key={shown.seq} {...common} /> : null}
      {shown?.form === 'list-set' ? (
        <ListSetForm key={shown.seq} {...common} {...(action?.kind === 'list-set' && { index: action.index, value: action.value.b64 })} />
      ) : null}
      {shown?.form === 'list-remove' ? <ListRemoveForm key={shown.seq} {...common} /> : null}
      {shown?.form === 'set-add' ? <SetAddForm key={shown.seq} {...common} /> : null}
      {shown?.form === 'zset-add' ? (
        <ZsetAddForm key={shown.seq} {...common} {...(action?.kind === 'zset-score' && { member: action.member.b64, score: action.score })} />
      ) : null}
      {shown?.form === 'stream-add' ? <StreamAddForm key={shown.seq} {...common} /> : null}
      {shown?.form === 'rename' ? <RenameForm key={shown.seq} {...common} onRenamed={onRenamed} /> : null}
      <ConfirmDialog
        open={removal !== null}
        title={removal?.title ?? ''}
        confirmLabel={removal?.confirm ?? ''}
        busy={edit.pending}
        onCancel={close}
        onConfirm={() => removal && edit.run(removal.op, removal.meta, close)}
      >
        <p className="break-all">{removal?.what}</p>
        <p className="mt-2">Key: <span className="break-all font-mono">{detail.key}</span> (db{detail.db}). This cannot be undone.</p>
        {edit.error ? <p className="mt-2 text-red-700" role="alert">Not changed: {edit.error.message}</p> : null}
      </ConfirmDialog>
    </section>
  );
}
