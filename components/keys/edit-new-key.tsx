'use client';
// "New key": an admin creates a key of any core type with its first value (PUT .../key with
// create: true, refused with 409 when the name exists), optionally with a TTL set in the same
// step. A modal <dialog> (Escape cancels, focus comes back to the button). Admins only, not in
// read-only mode; the caller hides it on a replica.
import { useId, useRef, useState, type FormEvent } from 'react';
import { MAX_EDIT_VALUE_BYTES, type KeyEditOpInput } from '@/lib/keys/edit';
import { REDIS_TYPES, type RedisType } from '@/lib/keys/constants';
import { displayBytes } from '@/lib/display-bytes';
import { formatBytes } from '@/lib/format';
import { useEditKey } from '@/lib/queries/key-edit';
import { AdminOnly } from '@/components/auth/admin-only';
import { Button } from '@/components/ui/button';
import { Select, TextInput } from '@/components/ui/field';
import { useToast } from '@/components/ui/toast';
import { EncodedInput, useEncodedInput, type EncodedInputState } from './edit-value-input';
import { parseScore, parseTtl, ttlText, TTL_UNITS, type TtlUnit } from './model/edit-messages';
import { base64ToBytes } from './model/value-codec';
import { useModalDialog } from '@/components/ui/use-modal-dialog';

const FIRST: Record<RedisType, { value: string; field?: string; score?: true }> = {
  string: { value: 'Value' },
  hash: { field: 'First field', value: 'Its value' },
  list: { value: 'First element' },
  set: { value: 'First member' },
  zset: { value: 'First member', score: true },
  stream: { field: 'First entry: field', value: 'First entry: value' },
};

const okBytes = (state: EncodedInputState) => (state.encoded.ok && state.encoded.bytes.length <= MAX_EDIT_VALUE_BYTES ? state.encoded.b64 : null);

function firstOp(type: RedisType, value: string, field: string, score: number | '-inf' | '+inf'): KeyEditOpInput {
  switch (type) {
    case 'string': return { set: { valueB64: value } };
    case 'hash': return { hset: { fieldB64: field, valueB64: value } };
    case 'list': return { rpush: { valueB64: value } };
    case 'set': return { sadd: { memberB64: value } };
    case 'zset': return { zadd: { memberB64: value, score } };
    case 'stream': return { xadd: { fields: [[field, value]] } };
  }
}

interface NewKeyButtonProps {
  id: string;
  /** The db the key browser shows (the key is created there). */
  db: number;
  /** After it is created: e.g. open it in the detail panel. */
  onCreated?: (keyB64: string) => void;
}

/** The New key button and its dialog; renders nothing for viewers and in read-only mode. */
export function NewKeyButton(props: NewKeyButtonProps) {
  return (
    <AdminOnly>
      <NewKeyDialog {...props} />
    </AdminOnly>
  );
}

function NewKeyDialog({ id, db, onCreated }: NewKeyButtonProps) {
  const uid = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<RedisType>('string');
  const name = useEncodedInput();
  const field = useEncodedInput();
  const value = useEncodedInput();
  const [scoreText, setScoreText] = useState('0');
  const [ttlAmount, setTtlAmount] = useState('');
  const [ttlUnit, setTtlUnit] = useState<TtlUnit>('h');
  const create = useEditKey(id);
  const { toast } = useToast();

  useModalDialog(dialog, open);

  const close = () => {
    setOpen(false);
    create.reset();
    requestAnimationFrame(() => opener.current?.focus());
  };
  const first = FIRST[type];
  const keyB64 = name.encoded.ok && name.encoded.bytes.length > 0 ? name.encoded.b64 : null;
  const v = okBytes(value);
  const f = first.field ? okBytes(field) : '';
  const score = parseScore(scoreText);
  const ttl = parseTtl(ttlAmount, ttlUnit);
  const ready = keyB64 !== null && v !== null && f !== null && (!first.score || 'score' in score) && 'ttlMs' in ttl;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!ready || !('ttlMs' in ttl)) return;
    const op = firstOp(type, v, f, 'score' in score ? score.score : 0);
    create.mutate({ db, keyB64, type, create: true, op, ...(ttl.ttlMs !== undefined && { ttlMs: ttl.ttlMs }) }, {
      onSuccess: (reply) => {
        const shown = displayBytes(base64ToBytes(reply.keyB64)).text;
        toast(`Created ${type} ${shown}${ttl.ttlMs !== undefined ? ` with a TTL of ${ttlText(ttl.ttlMs)}` : ''} (db${db})`);
        name.reset('', 'text');
        field.reset('', 'text');
        value.reset('', 'text');
        close();
        onCreated?.(reply.keyB64);
      },
    });
  };

  return (
    <>
      <Button
        onClick={(event) => {
          opener.current = event.currentTarget;
          setOpen(true);
        }}
        data-testid="new-key"
      >
        New key…
      </Button>
      <dialog
        ref={dialog}
        onCancel={(event) => {
          event.preventDefault();
          close();
        }}
        aria-labelledby={`${uid}-title`}
        className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        {open ? (
          <form onSubmit={submit} className="space-y-3 p-5" aria-labelledby={`${uid}-title`}>
            <h2 id={`${uid}-title`} className="text-lg font-semibold text-slate-900">New key in db{db}</h2>
            <div className="w-40">
              <label htmlFor={`${uid}-type`} className="block text-xs font-medium text-slate-700">Type</label>
              <Select id={`${uid}-type`} value={type} onChange={(event) => setType(event.target.value as RedisType)} autoFocus>
                {REDIS_TYPES.map((option) => <option key={option} value={option}>{option}</option>)}
              </Select>
            </div>
            <EncodedInput label="Name" state={name} preview={false} />
            {first.field ? <EncodedInput label={first.field} state={field} preview={false} /> : null}
            <EncodedInput label={first.value} state={value} multiline={type === 'string'} />
            {first.score ? (
              <div className="w-40">
                <label htmlFor={`${uid}-score`} className="block text-xs font-medium text-slate-700">Score</label>
                <TextInput id={`${uid}-score`} value={scoreText} onChange={(event) => setScoreText(event.target.value)} className="font-mono" />
                {'error' in score ? <p className="text-xs text-red-700" role="alert">{score.error}</p> : null}
              </div>
            ) : null}
            <div className="flex flex-wrap items-end gap-2">
              <div className="w-28">
                <label htmlFor={`${uid}-ttl`} className="block text-xs font-medium text-slate-700">TTL (optional)</label>
                <TextInput id={`${uid}-ttl`} value={ttlAmount} onChange={(event) => setTtlAmount(event.target.value)} inputMode="decimal" />
              </div>
              <div className="w-20">
                <label htmlFor={`${uid}-unit`} className="block text-xs font-medium text-slate-700">Unit</label>
                <Select id={`${uid}-unit`} value={ttlUnit} onChange={(event) => setTtlUnit(event.target.value as TtlUnit)}>
                  {Object.keys(TTL_UNITS).map((unit) => <option key={unit} value={unit}>{unit}</option>)}
                </Select>
              </div>
              {'error' in ttl ? <p className="text-xs text-red-700" role="alert">{ttl.error}</p> : null}
            </div>
            {keyB64 !== null ? (
              <p className="text-sm text-slate-800">
                Creates the {type} <span className="break-all font-mono font-semibold">{displayBytes(base64ToBytes(keyB64)).text}</span>; refused if a key of that name exists.
              </p>
            ) : null}
            {(value.encoded.ok && value.encoded.bytes.length > MAX_EDIT_VALUE_BYTES) ? <p className="text-xs text-red-700" role="alert">At most {formatBytes(MAX_EDIT_VALUE_BYTES)} can be written from here.</p> : null}
            {create.isError ? <p className="text-sm text-red-700" role="alert">Not created: {create.error.message}</p> : null}
            <div className="flex justify-end gap-2 pt-2">
              <Button onClick={close}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={!ready || create.isPending}>{create.isPending ? 'Creating…' : 'Create key'}</Button>
            </div>
          </form>
        ) : null}
      </dialog>
    </>
  );
}
