// The clients page's view logic: flag labels, the table's filter and sort, the groups' sort and
// the pool advice beside a group. Pure.
import { BIG_BUFFER_BYTES, IDLE_LONG_SECONDS } from '@/lib/clients/constants';
import type { ClientFlag, ClientGroup, ClientView } from '@/lib/clients/types';
import type { Tone } from '@/components/ui/tone';
import { formatBytes, formatDuration } from '@/lib/format';

export const FLAG_VIEW: Record<ClientFlag, { label: string; tone: Tone; why: string }> = {
  own: { label: 'Redlens', tone: 'neutral', why: 'One of Redlens’s own connections (named redlens…): not the application’s, never killed from here.' },
  idle: { label: 'idle', tone: 'warn', why: `Idle for more than ${formatDuration(IDLE_LONG_SECONDS)}: a leaked connection, or a pool larger than its load.` },
  'big-buffers': { label: 'big buffers', tone: 'bad', why: `A query or output buffer above ${formatBytes(BIG_BUFFER_BYTES)}: memory Redis holds for this client.` },
  blocked: { label: 'blocked', tone: 'warn', why: 'Waiting in a blocking command (BLPOP, XREAD BLOCK, WAIT...).' },
  pubsub: { label: 'pub/sub', tone: 'neutral', why: 'Subscribed to channels or patterns: it stays connected on purpose.' },
  replica: { label: 'replica', tone: 'neutral', why: 'A replica (or MONITOR) this server feeds.' },
  master: { label: 'master link', tone: 'neutral', why: 'This server’s link to its own master.' },
};

export const CLIENT_SORTS = ['idle', 'age', 'buffers'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

const SORT_VALUE: Record<ClientSort, (client: ClientView) => number> = {
  idle: (client) => client.idleSeconds,
  age: (client) => client.ageSeconds,
  buffers: (client) => client.bufferBytes,
};

/** Biggest first (descending) unless `ascending`; ties by id so the order holds between polls. */
export function sortClients(clients: readonly ClientView[], sort: ClientSort, ascending = false): ClientView[] {
  const value = SORT_VALUE[sort];
  return [...clients].sort((a, b) => (ascending ? value(a) - value(b) : value(b) - value(a)) || a.id - b.id);
}

export interface ClientFilter {
  /** Matched, case-insensitively, against the name, address, last command, library and id. */
  text: string;
  flag: ClientFlag | null;
}

export function filterClients(clients: readonly ClientView[], { text, flag }: ClientFilter): ClientView[] {
  const needle = text.trim().toLowerCase();
  return clients.filter((client) => {
    if (flag !== null && !client.flagged.includes(flag)) return false;
    if (needle === '') return true;
    const haystack = [client.name, client.addr, client.cmd, client.libName ?? '', client.libVer ?? '', String(client.id)];
    return haystack.some((field) => field.toLowerCase().includes(needle));
  });
}

export const GROUP_SORTS = ['count', 'key', 'idle', 'buffers'] as const;
export type GroupSort = (typeof GROUP_SORTS)[number];

export function sortGroups(groups: readonly ClientGroup[], sort: GroupSort): ClientGroup[] {
  const compare: Record<GroupSort, (a: ClientGroup, b: ClientGroup) => number> = {
    count: (a, b) => b.count - a.count,
    key: (a, b) => a.key.localeCompare(b.key),
    idle: (a, b) => b.maxIdleSeconds - a.maxIdleSeconds,
    buffers: (a, b) => b.bufferBytes - a.bufferBytes,
  };
  return [...groups].sort((a, b) => compare[sort](a, b) || a.key.localeCompare(b.key));
}

/**
 * The guide's pool advice beside a group of one host or one name: 2-20 connections per
 * application instance. A host is usually one application instance; a name may be shared by many.
 */
export function poolNote(group: ClientGroup, pool: { min: number; max: number }, perInstance: boolean): string | null {
  const count = group.count - group.own;
  if (count <= pool.max) return null;
  return perInstance
    ? `${count} connections from one host: above a pool of ${pool.min}-${pool.max} per application instance`
    : `${count} connections: more than one pool of ${pool.max}, or one too big`;
}

/** Clients counted against the target: Redlens's own left out, judged as the clients-high rule and the instance page do (<= is ok). */
export function targetVerdict(total: number, own: number, clientsMax: number): { counted: number; verdict: 'ok' | 'warn' } {
  const counted = Math.max(0, total - own);
  return { counted, verdict: counted <= clientsMax ? 'ok' : 'warn' };
}
