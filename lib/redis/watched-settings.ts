// The settings whose changes become `config-change` events (SPEC section 9): section 3's baseline
// plus maxclients, save and appendonly. Read with one CONFIG GET * (about 4.5 KB, once a minute):
// it works on Redis 6, where CONFIG GET takes one pattern, and on 7 alike; only the watched names
// leave this module, so secrets in the full reply go no further.
import 'server-only';
import type Redis from 'ioredis';
import { configGet } from './config';

/** The names Redis 7 reports; Redis 6 reports the `ziplist` spelling of the encoding settings. */
export const WATCHED_SETTINGS = [
  'maxmemory', 'maxmemory-policy', 'maxmemory-samples',
  'lazyfree-lazy-eviction', 'lazyfree-lazy-expire', 'lazyfree-lazy-server-del', 'replica-lazy-flush',
  'hash-max-listpack-entries', 'hash-max-listpack-value', 'list-max-listpack-size', 'list-compress-depth',
  'set-max-intset-entries', 'zset-max-listpack-entries', 'zset-max-listpack-value', 'hll-sparse-max-bytes',
  'stream-node-max-bytes', 'stream-node-max-entries',
  'appendfsync', 'stop-writes-on-bgsave-error', 'rdbcompression', 'rdbchecksum',
  'tcp-keepalive', 'timeout', 'tcp-backlog', 'client-output-buffer-limit',
  'slowlog-log-slower-than', 'slowlog-max-len', 'latency-monitor-threshold', 'io-threads',
  'maxclients', 'save', 'appendonly',
] as const;

/** Redis 7 still lists some old names as aliases: a watched name counts once, by its new name. */
const oldName = (name: string) => name.replace('-listpack-', '-ziplist-');

/** The watched settings of a CONFIG GET * reply, each under the name the server reports. Pure. */
export function pickWatchedSettings(all: Record<string, string>): Record<string, string> {
  const watched: Record<string, string> = {};
  for (const name of WATCHED_SETTINGS) {
    const value = all[name];
    if (value !== undefined) watched[name] = value;
    else if (all[oldName(name)] !== undefined) watched[oldName(name)] = all[oldName(name)]!;
  }
  return watched;
}

/** The watched settings now; rejects when CONFIG GET is denied or renamed (the caller goes without). */
export async function readWatchedSettings(client: Redis): Promise<Record<string, string>> {
  return pickWatchedSettings(await configGet(client, '*'));
}
