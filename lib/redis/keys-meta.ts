// Type, TTL and memory of the rows a "scan all" list shows (SPEC section 12): at most
// MAX_META_KEYS names a request, described in one write on the db's metadata pipe, the keys gone
// since they were listed named apart.
import 'server-only';
import type { KeysMetaInput, KeysMetaReply } from '@/lib/keys/export';
import { checkDb, onDb } from './db-connections';
import { askingSender, describeKeys } from './keys';
import type { RedisInstance } from './registry';

/** `asking`: on a Redis Cluster node importing the keys' slot, ASKING before each command (cluster-keys.ts). */
export async function describeVisibleKeys(instance: RedisInstance, input: KeysMetaInput, options: { asking?: boolean } = {}): Promise<KeysMetaReply> {
  await checkDb(instance, input.db);
  const names = input.keysB64.map((id) => Buffer.from(id, 'base64'));
  const { rows, memoryError } = await onDb(instance, input.db, ({ pipe }) =>
    describeKeys(options.asking ? askingSender(pipe) : pipe, names, input.keysB64, { memory: input.memory }));
  const found = new Set(rows.map((row) => row.keyB64));
  return {
    db: input.db,
    keys: rows,
    missing: input.keysB64.filter((id) => !found.has(id)),
    ...(memoryError !== undefined && { memoryError }),
  };
}
