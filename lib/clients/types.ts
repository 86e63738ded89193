// The shape of GET /api/instances/{id}/clients and of the kill, shared by the server and the
// clients page. No server imports.
import { z } from 'zod';
import type { ClientRow } from '@/lib/redis/parse/parse-client-list';

export const CLIENT_FLAGS = ['own', 'idle', 'big-buffers', 'blocked', 'pubsub', 'replica', 'master'] as const;
export type ClientFlag = (typeof CLIENT_FLAGS)[number];

export interface ClientView extends ClientRow {
  /** Query buffer allocated plus output buffer: what the sort by buffers orders by. */
  bufferBytes: number;
  /** One of Redlens's own connections (named `redlens…`, or the one that read the list). */
  own: boolean;
  /** The page's flags, from Redis' letters, idle time, buffers and the name. */
  flagged: ClientFlag[];
}

export interface ClientGroup {
  /** The name, host or library; '' for clients that set none. */
  key: string;
  count: number;
  /** Of them, Redlens's own. */
  own: number;
  /** Longest idle in the group, seconds. */
  maxIdleSeconds: number;
  bufferBytes: number;
}

export interface ClientsResponse {
  fetchedAt: string;
  /** Clients in CLIENT LIST, every one (also those past the bound). */
  total: number;
  /** Of them, Redlens's own; `total - own` is what the target is judged by (as clients-high does). */
  own: number;
  /** Rows parsed and answered: at most `limit`. */
  limit: number;
  truncated: boolean;
  target: { clientsMax: number; pool: { min: number; max: number } };
  flagCounts: Record<ClientFlag, number>;
  groups: { byName: ClientGroup[]; byHost: ClientGroup[]; byLibrary: ClientGroup[] };
  /** True when the server reports libraries (Redis 7.2+: lib-name in CLIENT LIST). */
  librariesReported: boolean;
  clients: ClientView[];
}

export const KillClientBody = z.object({ clientId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) }).strict();
export type KillClientBody = z.infer<typeof KillClientBody>;

export interface KillClientResponse {
  killed: true;
  clientId: number;
  name: string;
  addr: string;
}
