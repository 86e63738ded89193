// The clients page's answer: CLIENT LIST read through lib/redis/clients.ts, summarized (flags,
// groups, counts against the target) by summarize.ts.
import 'server-only';
import { readClients } from '@/lib/redis/clients';
import type { RedisInstance } from '@/lib/redis/registry';
import { CLIENT_LIST_MAX_ROWS } from './constants';
import { summarizeClients } from './summarize';
import type { ClientsResponse } from './types';

export async function listClients(instance: RedisInstance, clientsMax: number): Promise<ClientsResponse> {
  const clients = await readClients(instance, CLIENT_LIST_MAX_ROWS);
  return summarizeClients({ ...clients, clientsMax, fetchedAt: new Date() });
}
