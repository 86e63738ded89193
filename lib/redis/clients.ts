// CLIENT LIST, CLIENT INFO and CLIENT KILL: who is connected, and the admin's kill (SPEC section 11).
import 'server-only';
import type Redis from 'ioredis';
import { ApiError, badRequest, notFound } from '@/lib/api/errors';
import { isOwnClientName } from '@/lib/own-client-name';
import { parseClientLine, parseClientList, type ClientList, type ClientRow } from './parse/parse-client-list';
import type { RedisInstance } from './registry';

/**
 * The id of the connection asking (CLIENT INFO, Redis 6.2+), or null where CLIENT INFO is denied
 * or missing: the `redlens…` name still marks it.
 */
async function ownConnectionId(client: Redis): Promise<number | null> {
  try {
    return parseClientLine(String(await client.client('INFO'))).id;
  } catch {
    return null;
  }
}

/**
 * CLIENT LIST has no limit argument: the whole reply is read and only the first
 * CLIENT_LIST_MAX_ROWS lines are parsed; the rest are counted. Measured on 7.0.15 with 10,000
 * clients: Redis spends 12 ms building a 2.8 MB reply (15,000: 21 ms, 4.2 MB), parsing takes
 * about 30 ms here. CLIENT LIST ID id... would cut the reply but needs the ids first.
 */
async function readClientList(client: Redis, maxRows: number): Promise<{ list: ClientList; ownIds: Set<number> }> {
  const ownId = await ownConnectionId(client);
  const list = parseClientList(await client.client('LIST'), maxRows);
  return { list, ownIds: new Set(ownId === null ? [] : [ownId]) };
}

/**
 * The connected clients (at most `maxRows` parsed) and the ids known to be Redlens's own; every
 * viewer polling the page shares one CLIENT LIST a second (SPEC section 7).
 */
export function readClients(instance: RedisInstance, maxRows: number): Promise<{ list: ClientList; ownIds: Set<number> }> {
  return instance.runShared('client-list', (client) => readClientList(client, maxRows));
}

/** One client by id: CLIENT LIST ID (Redis 6.2+) reads its line only. */
async function findClient(client: Redis, clientId: number): Promise<ClientRow | null> {
  const { rows } = parseClientList(await client.client('LIST', 'ID', String(clientId)));
  return rows.find((row) => row.id === clientId) ?? null;
}

/**
 * CLIENT KILL ID of one client. Redlens's own connections are refused (400): by their
 * `redlens…` name, and by id for the connection that sends the kill; an unknown id is 404.
 * `describe` hears the client's name and address for the audit before the kill is sent.
 */
export function killClient(
  instance: RedisInstance, clientId: number, describe: (row: ClientRow) => void,
): Promise<{ killed: true; clientId: number; name: string; addr: string }> {
  return instance.run(async (client) => {
    const ownId = await ownConnectionId(client);
    const row = await findClient(client, clientId);
    if (!row) throw notFound(`No client with id ${clientId} is connected to this Redis.`);
    describe(row);
    if (isOwnClientName(row.name) || row.id === ownId) {
      throw badRequest(`Client ${clientId} is one of Redlens's own connections (named "${row.name || 'the one asking'}"): Redlens does not kill itself.`);
    }
    const killed = Number(await client.client('KILL', 'ID', String(clientId)));
    // Gone between the lookup and the kill: nothing was killed.
    if (killed === 0) throw notFound(`Client ${clientId} disconnected before the kill.`);
    if (killed !== 1) throw new ApiError('INTERNAL', `CLIENT KILL ID answered ${killed}.`);
    return { killed: true, clientId, name: row.name, addr: row.addr };
  });
}
