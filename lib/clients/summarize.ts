// From CLIENT LIST to the clients page's answer: each client's flags, the groups by name, host
// and library, the counts against the target. Pure.
import type { ClientList, ClientRow } from '@/lib/redis/parse/parse-client-list';
import { isOwnClientName } from '@/lib/own-client-name';
import { BIG_BUFFER_BYTES, CLIENT_LIST_MAX_ROWS, IDLE_LONG_SECONDS, POOL_ADVICE } from './constants';
import { CLIENT_FLAGS, type ClientFlag, type ClientGroup, type ClientsResponse, type ClientView } from './types';

/** The host of `ip:port`, `[v6]:port` or `/path/redis.sock:0`. */
export function hostOf(addr: string): string {
  const colon = addr.lastIndexOf(':');
  const host = colon > 0 ? addr.slice(0, colon) : addr;
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/** `redis-py 5.0.1`; '' when the client reported no library. */
export const libraryOf = (row: ClientRow) => (row.libName ? [row.libName, row.libVer].filter(Boolean).join(' ') : '');

function flagsOf(row: ClientRow, own: boolean): ClientFlag[] {
  const has: Record<ClientFlag, boolean> = {
    own,
    idle: row.idleSeconds > IDLE_LONG_SECONDS,
    'big-buffers': row.queryBufferAllocatedBytes > BIG_BUFFER_BYTES || row.outputBufferBytes > BIG_BUFFER_BYTES,
    blocked: row.flags.includes('b'),
    pubsub: row.flags.includes('P') || row.subscriptions > 0,
    // S: a replica (or O: MONITOR) fed by this server; M: this server's link to its own master.
    replica: row.flags.includes('S'),
    master: row.flags.includes('M'),
  };
  return CLIENT_FLAGS.filter((flag) => has[flag]);
}

export function viewOf(row: ClientRow, ownIds: ReadonlySet<number>): ClientView {
  const own = isOwnClientName(row.name) || ownIds.has(row.id);
  return { ...row, own, bufferBytes: row.queryBufferAllocatedBytes + row.outputBufferBytes, flagged: flagsOf(row, own) };
}

/** Groups by `keyOf`, biggest first (then by key, so the order is stable between polls). */
export function groupBy(clients: readonly ClientView[], keyOf: (client: ClientView) => string): ClientGroup[] {
  const groups = new Map<string, ClientGroup>();
  for (const client of clients) {
    const key = keyOf(client);
    const group = groups.get(key) ?? { key, count: 0, own: 0, maxIdleSeconds: 0, bufferBytes: 0 };
    group.count += 1;
    if (client.own) group.own += 1;
    group.maxIdleSeconds = Math.max(group.maxIdleSeconds, client.idleSeconds);
    group.bufferBytes += client.bufferBytes;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

interface SummaryInput {
  list: ClientList;
  /** Ids of Redlens's own connections (the one that read the list), beside the `redlens…` names. */
  ownIds: ReadonlySet<number>;
  clientsMax: number;
  fetchedAt: Date;
}

export function summarizeClients({ list, ownIds, clientsMax, fetchedAt }: SummaryInput): ClientsResponse {
  const clients = list.rows.map((row) => viewOf(row, ownIds));
  const flagCounts = Object.fromEntries(CLIENT_FLAGS.map((flag) => [flag, 0])) as Record<ClientFlag, number>;
  for (const client of clients) for (const flag of client.flagged) flagCounts[flag] += 1;
  return {
    fetchedAt: fetchedAt.toISOString(),
    total: list.total,
    own: flagCounts.own + list.ownNamedPastLimit,
    limit: CLIENT_LIST_MAX_ROWS,
    truncated: list.total > list.rows.length,
    target: { clientsMax, pool: { ...POOL_ADVICE } },
    flagCounts,
    groups: {
      byName: groupBy(clients, (client) => client.name),
      byHost: groupBy(clients, (client) => hostOf(client.addr)),
      byLibrary: groupBy(clients, (client) => libraryOf(client)),
    },
    librariesReported: clients.some((client) => client.libName !== null),
    clients,
  };
}
