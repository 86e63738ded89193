// Key edits (SPEC section 12, PUT .../key): one operation on one key, refused unless the key is
// (still) of the type the editor saw. The type check and the write are one atomic step:
// WATCH key, TYPE key, then MULTI <write> EXEC; EXEC answers nil when anything touched the key
// in between, and nothing is written (409). WATCH belongs to a connection, and the shared client
// and the db's RespPipes carry other requests' commands between ours: another request's EXEC
// there would drop our WATCH (EXEC unwatches every key of its connection), and a concurrent
// edit's commands would land inside our MULTI. So edits get a connection of their own per
// instance (`redlens-edit`, SELECTing the db asked for), one edit at a time; edits are rare, so
// it closes when idle. (A Lua script would be atomic too, but needs EVAL in the ACL, and its
// writes would be invisible to the own-traffic count of SPEC section 8.)
// Every value goes to Redis as the Buffer its base64 decodes to, never as a string.
import 'server-only';
import type Redis from 'ioredis';
import { CREATING_OPS, opNameOf, type KeyEditInput, type KeyEditOpInput, type KeyEditOpName, type KeyEditReply } from '@/lib/keys/edit';
import { TTL_NONE } from '@/lib/keys/constants';
import { ApiError, badRequest, notFound } from '@/lib/api/errors';
import { displayBytes } from '@/lib/display-bytes';
import { checkDb, isCurrentDuplicate } from './db-connections';
import { countOwnTraffic } from './own-traffic';
import { auditKeyTarget, keyName } from './keys';
import { nextReady } from './ready-event';
import type { RedisInstance } from './registry';

/** An edit connection nobody used for this long is closed: edits are rare, connections are counted. */
const EDITOR_IDLE_MS = 30_000;

type Arg = Buffer | string;
type Command = [name: string, ...args: Arg[]];

const bytes = (b64: string) => Buffer.from(b64, 'base64');

/**
 * The write command of each operation. A change never creates its key: the key exists under
 * WATCH when it runs, and XADD says NOMKSTREAM besides. SET keeps the TTL (KEEPTTL); LREM
 * removes every occurrence (count 0); RENAMENX never overwrites.
 */
const WRITES: { [N in KeyEditOpName]: (key: Buffer, op: Extract<KeyEditOpInput, Record<N, unknown>>[N], create: boolean) => Command } = {
  set: (key, { valueB64 }, create) => (create ? ['SET', key, bytes(valueB64)] : ['SET', key, bytes(valueB64), 'KEEPTTL']),
  hset: (key, { fieldB64, valueB64 }) => ['HSET', key, bytes(fieldB64), bytes(valueB64)],
  hdel: (key, { fieldB64 }) => ['HDEL', key, bytes(fieldB64)],
  rpush: (key, { valueB64 }) => ['RPUSH', key, bytes(valueB64)],
  lpush: (key, { valueB64 }) => ['LPUSH', key, bytes(valueB64)],
  lset: (key, { index, valueB64 }) => ['LSET', key, String(index), bytes(valueB64)],
  lrem: (key, { valueB64 }) => ['LREM', key, '0', bytes(valueB64)],
  sadd: (key, { memberB64 }) => ['SADD', key, bytes(memberB64)],
  srem: (key, { memberB64 }) => ['SREM', key, bytes(memberB64)],
  // A new member is added, an existing one gets the new score (ZADD without NX/XX).
  zadd: (key, { memberB64, score }) => ['ZADD', key, String(score), bytes(memberB64)],
  zrem: (key, { memberB64 }) => ['ZREM', key, bytes(memberB64)],
  xadd: (key, { fields }, create) => ['XADD', key, ...(create ? [] : ['NOMKSTREAM']), '*', ...fields.flatMap(([field, value]) => [bytes(field), bytes(value)])],
  xdel: (key, { id }) => ['XDEL', key, id],
  rename: (key, { newKeyB64 }) => ['RENAMENX', key, bytes(newKeyB64)],
};

function writeOf(key: Buffer, body: KeyEditInput): Command {
  const name = opNameOf(body.op);
  const write = WRITES[name] as (key: Buffer, op: unknown, create: boolean) => Command;
  return write(key, (body.op as Record<string, unknown>)[name], body.create);
}

/** What an audit entry says of an edit: the key and the operation, never a value, field or member. */
export function auditEditTarget(body: KeyEditInput): string {
  const op = body.op;
  const parts = [auditKeyTarget(body.db, bytes(body.keyB64)), `op=${opNameOf(op)}`];
  if (body.create) parts.push('create', ...(body.ttlMs !== undefined && body.ttlMs !== TTL_NONE ? [`ttlMs=${body.ttlMs}`] : []));
  if ('lset' in op) parts.push(`index=${op.lset.index}`);
  if ('xdel' in op) parts.push(`id=${op.xdel.id}`);
  if ('rename' in op) {
    const to = bytes(op.rename.newKeyB64);
    parts.push(`to ${displayBytes(to).text} (keyB64 ${to.toString('base64')})`);
  }
  return parts.join(' ');
}

interface Editor {
  client: Redis;
  /** The db the connection has SELECTed (ioredis repeats the last SELECT after a reconnect). */
  db: number;
  idle?: NodeJS.Timeout;
  /** The instance's generation when it was made: after a Sentinel failover it is replaced. */
  generation: number;
}

interface EditorSlot {
  editor?: Editor;
  /** The edit running now: the next one waits for it (one WATCH ... EXEC at a time). */
  tail: Promise<unknown>;
}

const holder = globalThis as typeof globalThis & { __redlensKeyEditors?: WeakMap<RedisInstance, EditorSlot> };
const slots = (holder.__redlensKeyEditors ??= new WeakMap());

function slotOf(instance: RedisInstance): EditorSlot {
  let slot = slots.get(instance);
  if (!slot) {
    slot = { tail: Promise.resolve() };
    slots.set(instance, slot);
  }
  return slot;
}

function editorOf(slot: EditorSlot, instance: RedisInstance, shared: Redis): Editor {
  if (slot.editor && isCurrentDuplicate(instance, slot.editor)) return slot.editor;
  // A duplicate made before a failover may still be on the demoted master: never edit there.
  if (slot.editor) retire(slot, slot.editor);
  // A duplicate has the shared client's address, credentials and fail-fast timeouts.
  const client = shared.duplicate({ connectionName: 'redlens-edit' });
  countOwnTraffic(client, instance.traffic);
  client.on('error', () => undefined); // failures reach the caller through the command
  slot.editor = { client, db: 0, generation: instance.generation };
  return slot.editor;
}

/** Closes the connection: idle, or its WATCH / MULTI state unknown after a failure. */
function retire(slot: EditorSlot, editor: Editor): void {
  clearTimeout(editor.idle);
  if (slot.editor === editor) slot.editor = undefined;
  editor.client.disconnect();
}

async function ready(editor: Editor, db: number): Promise<void> {
  const { client } = editor;
  if (client.status === 'wait') await client.connect();
  else if (client.status !== 'ready') await nextReady(client);
  if (editor.db !== db) {
    await client.select(db);
    editor.db = db;
  }
}

/** Runs `work` on the instance's edit connection, on db `db`, once the edit before it is done. */
function onEditor<T>(instance: RedisInstance, db: number, work: (client: Redis) => Promise<T>): Promise<T> {
  return instance.run((shared) => {
    const slot = slotOf(instance);
    const run = slot.tail.then(async () => {
      const editor = editorOf(slot, instance, shared);
      clearTimeout(editor.idle);
      try {
        await ready(editor, db);
        return await work(editor.client);
      } catch (error) {
        // A refusal of ours (an ApiError) left the connection clean (UNWATCH or EXEC sent);
        // anything else (a timeout, a dropped connection) may have left a WATCH or MULTI open.
        if (!ApiError.is(error)) retire(slot, editor);
        throw error;
      } finally {
        if (slot.editor === editor) {
          editor.idle = setTimeout(() => retire(slot, editor), EDITOR_IDLE_MS);
          editor.idle.unref();
        }
      }
    });
    slot.tail = run.catch(() => undefined);
    return run;
  });
}

const conflict = (message: string) => new ApiError('CONFLICT', message);

/** Why the key as WATCH saw it may not take this edit, or null when it may. */
function refusalOf(type: string, body: KeyEditInput): ApiError | null {
  if (body.create) return type === 'none' ? null : conflict(`The key exists (a ${type}): create never overwrites. Nothing was changed.`);
  if (type === 'none') return notFound('The key does not exist (any more): nothing was changed.');
  if (type !== body.type) return conflict(`The key is a ${type} now, not a ${body.type}: nothing was changed. Reload it.`);
  return null;
}

type ExecReply = Array<[Error | null, unknown]> | null;

/** A write Redis refused inside EXEC, in the API's words (WRONGTYPE and the rest map in errors.ts). */
function execFailure(error: Error, body: KeyEditInput): Error {
  if ('lset' in body.op && /index out of range/i.test(error.message)) {
    return conflict(`The list has no index ${body.op.lset.index} (any more): nothing was changed. Reload it.`);
  }
  return error;
}

/** The reply as the API carries it: numbers stay numbers, ids and OK are text. */
const resultOf = (value: unknown): number | string | null =>
  typeof value === 'number' ? value : value === null || value === undefined ? null : String(value);

/**
 * One edit of one key: created (`create`, 409 when it exists), changed (404 when it is gone, 409
 * when it is not of `type` now or changed while we looked), or renamed (409 when the new name is
 * taken). Atomic: see the top of this file.
 */
export async function editKey(instance: RedisInstance, body: KeyEditInput): Promise<KeyEditReply> {
  const name = opNameOf(body.op);
  if (body.create && !(name in CREATING_OPS)) throw badRequest(`${name} cannot create a key`); // the schema said so first
  const key = bytes(body.keyB64);
  const write = writeOf(key, body);
  await checkDb(instance, body.db);
  const value = await onEditor(instance, body.db, async (client) => {
    const [, type] = await Promise.all([client.watch(key), client.type(key)]);
    const refusal = refusalOf(type, body);
    if (refusal) {
      await client.unwatch();
      throw refusal;
    }
    const transaction = client.multi().call(...write);
    if (body.create && body.ttlMs !== undefined && body.ttlMs !== TTL_NONE) transaction.call('PEXPIRE', key, String(body.ttlMs));
    const replies = (await transaction.exec()) as ExecReply;
    if (replies === null) {
      throw conflict('The key changed while Redlens was writing to it (another client wrote it): nothing was changed. Reload it.');
    }
    for (const [error] of replies) if (error) throw execFailure(error, body);
    return replies[0]![1];
  });
  if (name === 'rename' && value === 0) {
    throw conflict(`A key named ${displayBytes(write[2] as Buffer).text} exists: rename never overwrites. Nothing was changed.`);
  }
  const finalKey = name === 'rename' ? (write[2] as Buffer) : key;
  return { ...keyName(finalKey), db: body.db, type: body.type, op: name, created: body.create, result: resultOf(value) };
}
