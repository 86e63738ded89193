'use client';
// The inline edit forms of one key, one per operation: each labelled, focused when it opens,
// closed by Cancel or Escape (focus goes back to the button that opened it), and showing what it
// will write before it does. A string is replaced only after a review step.
import { useId, useState, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';
import { MAX_EDIT_VALUE_BYTES, MAX_STREAM_FIELDS } from '@/lib/keys/edit';
import type { KeyDetail } from '@/lib/keys/types';
import { displayBytes } from '@/lib/display-bytes';
import { formatBytes, formatNumber } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { TextInput } from '@/components/ui/field';
import type { EditMeta, RunEdit } from './edit-run';
import { BytesPreview, EncodedInput, useEncodedInput, type EncodedInputState } from './edit-value-input';
import { parseIndex, parseScore } from './model/edit-messages';
import { base64ToBytes, encodeInput, initialEdit, type EditMode } from './model/value-codec';

interface FormProps {
  detail: KeyDetail;
  edit: RunEdit;
  onClose: () => void;
}

/** A form Escape cancels, with the edit's error under it and Cancel beside its own buttons. */
function InlineForm({ label, onSubmit, onClose, edit, children, buttons }: {
  label: string;
  /** `submitter`: the submit button used (a form with two, like push left / right, tells them apart). */
  onSubmit: (submitter: HTMLElement | null) => void;
  onClose: () => void;
  edit: RunEdit;
  children: ReactNode;
  buttons: ReactNode;
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit((event.nativeEvent as SubmitEvent).submitter);
  };
  const escape = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Escape') return;
    // Only this edit closes, not the key panel or a dialog around it.
    event.preventDefault();
    event.stopPropagation();
    onClose();
  };
  return (
    <form aria-label={label} onSubmit={submit} onKeyDown={escape} className="space-y-3 rounded-md border border-slate-300 bg-white p-3" data-testid="edit-form">
      <h3 className="text-sm font-semibold text-slate-800">{label}</h3>
      {children}
      {edit.error ? <p className="text-sm text-red-700" role="alert">Not changed: {edit.error.message}</p> : null}
      <div className="flex flex-wrap gap-2">
        {buttons}
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}

/** The bytes of an input, or null while it is invalid or too big. */
function bytesOf(state: EncodedInputState): string | null {
  return state.encoded.ok && state.encoded.bytes.length <= MAX_EDIT_VALUE_BYTES ? state.encoded.b64 : null;
}

function TooBig({ state }: { state: EncodedInputState }) {
  if (!state.encoded.ok || state.encoded.bytes.length <= MAX_EDIT_VALUE_BYTES) return null;
  return <p className="text-xs text-red-700" role="alert">At most {formatBytes(MAX_EDIT_VALUE_BYTES)} can be written from here.</p>;
}

/** Where a whole element's bytes open in an editor (a cut one opens empty). */
const startFrom = (b64: string | undefined): { text: string; mode: EditMode } => (b64 === undefined ? { text: '', mode: 'text' } : initialEdit(base64ToBytes(b64)));

/** The string value, from the slices read so far, when all of it is read. */
function loadedString(pages: KeyDetail[]): Uint8Array | null {
  const slices = pages.map((page) => page.value).filter((value) => value.kind === 'string');
  const parts = slices.map((slice) => base64ToBytes(slice.b64));
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  if (total !== pages[0]!.length) return null;
  const all = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

export function StringForm({ detail, edit, onClose, pages }: FormProps & { pages: KeyDetail[] }) {
  const loaded = loadedString(pages);
  const value = useEncodedInput(loaded ? initialEdit(loaded) : undefined);
  const [reviewing, setReviewing] = useState(false);
  const b64 = bytesOf(value);
  const count = value.encoded.ok ? value.encoded.bytes.length : 0;
  return (
    <InlineForm
      label="Edit the value"
      edit={edit}
      onClose={onClose}
      onSubmit={() => {
        if (b64 === null) return;
        if (!reviewing) setReviewing(true);
        else edit.run({ set: { valueB64: b64 } }, {}, onClose);
      }}
      buttons={reviewing ? (
        <>
          <Button type="submit" variant="primary" disabled={edit.pending} autoFocus>
            {edit.pending ? 'Writing…' : `Write ${formatNumber(count)} ${count === 1 ? 'byte' : 'bytes'}`}
          </Button>
          <Button onClick={() => setReviewing(false)}>Back to editing</Button>
        </>
      ) : (
        <Button type="submit" variant="primary" disabled={b64 === null}>Review…</Button>
      )}
    >
      {loaded === null ? (
        <p className="text-xs text-amber-800" role="note">
          Only part of this {formatBytes(detail.length)} value is loaded: what you write here replaces all of it. Load the rest to edit it in place.
        </p>
      ) : null}
      {reviewing ? (
        <div className="space-y-1">
          <p className="text-sm text-slate-800">
            SET replaces the whole value of <span className="break-all font-mono">{detail.key}</span> (db{detail.db}); its TTL is kept.
          </p>
          <BytesPreview encoded={value.encoded} label="New value" />
        </div>
      ) : (
        <>
          <EncodedInput label="New value" state={value} multiline autoFocus />
          <TooBig state={value} />
        </>
      )}
    </InlineForm>
  );
}

export function HashSetForm({ edit, onClose, field: fieldB64, value: valueB64, valueCut }: FormProps & { field?: string; value?: string; valueCut?: boolean }) {
  const field = useEncodedInput(startFrom(fieldB64));
  const value = useEncodedInput(startFrom(valueB64));
  const f = bytesOf(field);
  const v = bytesOf(value);
  return (
    <InlineForm
      label={fieldB64 === undefined ? 'Set a field' : 'Edit a field'}
      edit={edit}
      onClose={onClose}
      onSubmit={() => f !== null && v !== null && edit.run({ hset: { fieldB64: f, valueB64: v } }, { subjectB64: f }, onClose)}
      buttons={<Button type="submit" variant="primary" disabled={f === null || v === null || edit.pending}>Set field</Button>}
    >
      <p className="text-xs text-slate-600">HSET: a new field is added; an existing one gets this value.</p>
      <EncodedInput label="Field" state={field} autoFocus={fieldB64 === undefined} />
      <TooBig state={field} />
      {valueCut ? <p className="text-xs text-amber-800" role="note">The current value is longer than shown: type the whole new value.</p> : null}
      <EncodedInput label="Value" state={value} multiline autoFocus={fieldB64 !== undefined} />
      <TooBig state={value} />
    </InlineForm>
  );
}

export function ListPushForm({ edit, onClose }: FormProps) {
  const value = useEncodedInput();
  const v = bytesOf(value);
  const push = (submitter: HTMLElement | null) => {
    if (v === null) return;
    edit.run(submitter?.dataset.side === 'left' ? { lpush: { valueB64: v } } : { rpush: { valueB64: v } }, {}, onClose);
  };
  return (
    <InlineForm
      label="Push a value"
      edit={edit}
      onClose={onClose}
      onSubmit={push}
      buttons={(
        <>
          <Button type="submit" variant="primary" data-side="left" disabled={v === null || edit.pending}>Push left (LPUSH)</Button>
          <Button type="submit" variant="primary" data-side="right" disabled={v === null || edit.pending}>Push right (RPUSH)</Button>
        </>
      )}
    >
      <EncodedInput label="Value" state={value} multiline autoFocus />
      <TooBig state={value} />
    </InlineForm>
  );
}

export function ListSetForm({ edit, onClose, index: startIndex, value: valueB64 }: FormProps & { index?: number; value?: string }) {
  const uid = useId();
  const [indexText, setIndexText] = useState(startIndex === undefined ? '' : String(startIndex));
  const value = useEncodedInput(startFrom(valueB64));
  const v = bytesOf(value);
  const index = parseIndex(indexText);
  return (
    <InlineForm
      label="Set an element by index"
      edit={edit}
      onClose={onClose}
      onSubmit={() => v !== null && 'index' in index && edit.run({ lset: { index: index.index, valueB64: v } }, { detail: String(index.index) }, onClose)}
      buttons={<Button type="submit" variant="primary" disabled={v === null || !('index' in index) || edit.pending}>Set element</Button>}
    >
      <div className="w-40">
        <label htmlFor={`${uid}-index`} className="block text-xs font-medium text-slate-700">Index (-1: the last)</label>
        <TextInput id={`${uid}-index`} value={indexText} onChange={(event) => setIndexText(event.target.value)} inputMode="numeric" className="font-mono" autoFocus={startIndex === undefined} />
        {indexText !== '' && 'error' in index ? <p className="text-xs text-red-700" role="alert">{index.error}</p> : null}
      </div>
      <EncodedInput label="New value" state={value} multiline autoFocus={startIndex !== undefined} />
      <TooBig state={value} />
    </InlineForm>
  );
}

export function ListRemoveForm({ edit, onClose }: FormProps) {
  const value = useEncodedInput();
  const v = bytesOf(value);
  return (
    <InlineForm
      label="Remove by value"
      edit={edit}
      onClose={onClose}
      onSubmit={() => v !== null && edit.run({ lrem: { valueB64: v } }, { subjectB64: v }, onClose)}
      buttons={<Button type="submit" variant="primary" disabled={v === null || edit.pending}>Remove every equal element</Button>}
    >
      <p className="text-xs text-slate-600">LREM removes every element equal to these bytes, wherever it is in the list.</p>
      <EncodedInput label="Value" state={value} multiline autoFocus />
    </InlineForm>
  );
}

export function SetAddForm({ edit, onClose }: FormProps) {
  const member = useEncodedInput();
  const m = bytesOf(member);
  return (
    <InlineForm
      label="Add a member"
      edit={edit}
      onClose={onClose}
      onSubmit={() => m !== null && edit.run({ sadd: { memberB64: m } }, { subjectB64: m }, onClose)}
      buttons={<Button type="submit" variant="primary" disabled={m === null || edit.pending}>Add member</Button>}
    >
      <EncodedInput label="Member" state={member} autoFocus />
      <TooBig state={member} />
    </InlineForm>
  );
}

export function ZsetAddForm({ edit, onClose, member: memberB64, score: startScore }: FormProps & { member?: string; score?: string }) {
  const uid = useId();
  const member = useEncodedInput(startFrom(memberB64));
  const [scoreText, setScoreText] = useState(startScore ?? '');
  const m = bytesOf(member);
  const score = parseScore(scoreText);
  return (
    <InlineForm
      label={memberB64 === undefined ? 'Add a member' : 'Change a score'}
      edit={edit}
      onClose={onClose}
      onSubmit={() => m !== null && 'score' in score && edit.run({ zadd: { memberB64: m, score: score.score } }, { subjectB64: m, detail: String(score.score) }, onClose)}
      buttons={<Button type="submit" variant="primary" disabled={m === null || !('score' in score) || edit.pending}>{memberB64 === undefined ? 'Add member' : 'Set score'}</Button>}
    >
      <p className="text-xs text-slate-600">ZADD: a new member is added with this score; an existing one gets it.</p>
      <EncodedInput label="Member" state={member} autoFocus={memberB64 === undefined} />
      <TooBig state={member} />
      <div className="w-40">
        <label htmlFor={`${uid}-score`} className="block text-xs font-medium text-slate-700">Score</label>
        <TextInput id={`${uid}-score`} value={scoreText} onChange={(event) => setScoreText(event.target.value)} className="font-mono" autoFocus={memberB64 !== undefined} />
        {scoreText !== '' && 'error' in score ? <p className="text-xs text-red-700" role="alert">{score.error}</p> : null}
      </div>
    </InlineForm>
  );
}

export function StreamAddForm({ edit, onClose }: FormProps) {
  const uid = useId();
  const [mode, setMode] = useState<'text' | 'hex'>('text');
  const [pairs, setPairs] = useState<Array<[string, string]>>([['', '']]);
  const encoded = pairs.map(([field, value]) => [encodeInput(field, mode), encodeInput(value, mode)] as const);
  const fields = encoded.every(([f, v]) => f.ok && v.ok) ? encoded.map(([f, v]) => [f.ok ? f.b64 : '', v.ok ? v.b64 : ''] as [string, string]) : null;
  const error = encoded.flat().find((item) => !item.ok);
  const set = (row: number, column: 0 | 1, text: string) => setPairs((all) => all.map((pair, i) => (i === row ? (column === 0 ? [text, pair[1]] : [pair[0], text]) : pair)));
  const bytes = encoded.flat().reduce((sum, item) => sum + (item.ok ? item.bytes.length : 0), 0);
  return (
    <InlineForm
      label="Add an entry"
      edit={edit}
      onClose={onClose}
      onSubmit={() => fields !== null && edit.run({ xadd: { fields } }, {}, onClose)}
      buttons={<Button type="submit" variant="primary" disabled={fields === null || edit.pending}>Add entry (XADD *)</Button>}
    >
      <div role="group" aria-label="Fields and values typed as" className="flex gap-1">
        {(['text', 'hex'] as const).map((option) => (
          <Button key={option} aria-pressed={mode === option} onClick={() => setMode(option)} className="px-2 py-0.5 text-xs aria-pressed:border-red-700 aria-pressed:bg-red-50">
            {option === 'text' ? 'Text' : 'Hex'}
          </Button>
        ))}
      </div>
      {pairs.map(([field, value], row) => (
        <div key={row} className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1">
            <label htmlFor={`${uid}-f${row}`} className="block text-xs font-medium text-slate-700">Field {row + 1}</label>
            <TextInput id={`${uid}-f${row}`} value={field} onChange={(event) => set(row, 0, event.target.value)} className="font-mono" autoFocus={row === 0} />
          </div>
          <div className="min-w-0 flex-1">
            <label htmlFor={`${uid}-v${row}`} className="block text-xs font-medium text-slate-700">Value {row + 1}</label>
            <TextInput id={`${uid}-v${row}`} value={value} onChange={(event) => set(row, 1, event.target.value)} className="font-mono" />
          </div>
          {pairs.length > 1 ? (
            <Button aria-label={`Remove field ${row + 1}`} onClick={() => setPairs((all) => all.filter((_, i) => i !== row))}>Remove</Button>
          ) : null}
        </div>
      ))}
      {error && !error.ok ? <p className="text-xs text-red-700" role="alert">{error.error}</p> : null}
      <div className="flex items-center gap-2">
        <Button disabled={pairs.length >= MAX_STREAM_FIELDS} onClick={() => setPairs((all) => [...all, ['', '']])}>Add a field</Button>
        <span className="text-xs text-slate-600">
          {formatNumber(pairs.length)} {pairs.length === 1 ? 'field' : 'fields'}, {formatNumber(bytes)} bytes to write; Redis gives the entry its id.
        </span>
      </div>
    </InlineForm>
  );
}

export function RenameForm({ detail, edit, onClose, onRenamed }: FormProps & { onRenamed: (keyB64: string) => void }) {
  const name = useEncodedInput(startFrom(detail.keyB64));
  const n = name.encoded.ok && name.encoded.b64 !== detail.keyB64 && name.encoded.bytes.length > 0 ? name.encoded.b64 : null;
  // Shown with the same escapes as every name (lib/display-bytes).
  const meta: EditMeta = n === null ? {} : { newKey: displayBytes(base64ToBytes(n)).text };
  return (
    <InlineForm
      label="Rename the key"
      edit={edit}
      onClose={onClose}
      onSubmit={() => n !== null && edit.run({ rename: { newKeyB64: n } }, meta, (reply) => {
        onClose();
        onRenamed(reply.keyB64);
      })}
      buttons={<Button type="submit" variant="primary" disabled={n === null || edit.pending}>Rename</Button>}
    >
      <EncodedInput label="New name" state={name} autoFocus preview={false} />
      {n !== null ? (
        <p className="text-sm text-slate-800" data-testid="rename-preview">
          <span className="break-all font-mono">{detail.key}</span> becomes <span className="break-all font-mono font-semibold">{meta.newKey}</span> (db{detail.db}).
        </p>
      ) : null}
      <p className="text-xs text-amber-800" role="note">RENAMENX never overwrites: if a key of that name exists, nothing changes. The TTL goes with the key.</p>
    </InlineForm>
  );
}
