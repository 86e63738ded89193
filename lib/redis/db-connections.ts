// Connections to one db of an instance. The registry's shared client stays on db 0; another db
// gets a duplicate of it that SELECTs a validated index (never the ioredis `db` option, which
// falls back to 0 silently), kept in a small per-instance cache. Each db also has two RespPipes:
// one for the listing's bulk metadata, and one for value reads whose replies are capped (a
// reply dropped at the cap destroys its connection: it must not take the listing's with it).
// The dbs an instance has come from CONFIG GET databases, or the keyspace.
import 'server-only';
import type Redis from 'ioredis';
import { VALUE_REPLY_MAX_BYTES } from '@/lib/keys/constants';
import type { DatabasesReply } from '@/lib/keys/types';
import { badRequest } from '@/lib/api/errors';
import type { InfoSections } from '@/lib/api/types';
import { configGet } from './config';
import { redisErrorToApiError } from './errors';
import { readInfo } from './info';
import { keyspaceOf } from './parse/parse-info';
import { countOwnTraffic } from './own-traffic';
import { nextReady } from './ready-event';
import type { RedisInstance } from './registry';
import { RespPipe } from './resp-pipe';

export interface DbConnection {
  db: number;
  client: Redis;
  /** The listing's TYPE / PTTL / MEMORY USAGE pipelines. */
  pipe: RespPipe;
  /** Value reads, with replies capped at VALUE_REPLY_MAX_BYTES. */
  values: RespPipe;
  /** The first connect + SELECT of a db's duplicate, while it runs. */
  opening?: Promise<void>;
  /** The instance's generation when it was made: after a Sentinel failover it is replaced. */
  generation: number;
}

/** Connections kept per instance; the least recently used db's are closed beyond this. */
const MAX_DBS_PER_INSTANCE = 4;
/** CONFIG GET databases changes only with a restart: ask once a minute at most. */
const DATABASES_TTL_MS = 60_000;
/** Redis' default, used when CONFIG is denied and the keyspace shows nothing higher. */
const DEFAULT_DATABASES = 16;

interface InstanceState {
  dbs: Map<number, DbConnection>;
  databases?: { value: DatabasesReply; at: number };
}

const holder = globalThis as typeof globalThis & { __redlensDbConnections?: WeakMap<RedisInstance, InstanceState> };
const states = (holder.__redlensDbConnections ??= new WeakMap());

function stateOf(instance: RedisInstance): InstanceState {
  let state = states.get(instance);
  if (!state) {
    state = { dbs: new Map() };
    states.set(instance, state);
  }
  return state;
}

/**
 * A RespPipe to `db` of the instance, with the shared client's address (for a Sentinel instance,
 * the master it is connected to now, followed after a failover) and credentials, named
 * `connectionName`, counting its commands into the instance's own traffic (SPEC section 8).
 */
export function countedPipe(instance: RedisInstance, shared: Redis, db: number, connectionName: string, maxReplyBytes?: number): RespPipe {
  const options = shared.options;
  return new RespPipe({
    ...(maxReplyBytes !== undefined && { maxReplyBytes }),
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 6379,
    // A Sentinel client's options name no server: the pipe follows the master the client reached.
    locate: () => instance.server,
    // ioredis keeps unset credentials as null.
    ...(options.username != null && { username: options.username }),
    ...(options.password != null && { password: options.password }),
    ...(options.tls != null && { tls: options.tls }),
    db,
    connectionName,
    onReply: (command, reply) => instance.traffic.note(String(command[0]), command.slice(1), reply),
    onConnection: (open) => instance.traffic.connection(open),
  });
}

/** Connects a db's duplicate once (concurrent callers share it), then waits out reconnects. */
async function ready(connection: DbConnection): Promise<void> {
  const { client, db } = connection;
  if (connection.opening) return connection.opening;
  if (client.status === 'ready') return;
  if (client.status === 'wait') {
    // ioredis remembers a SELECT and repeats it after every reconnect. It is written before any
    // command a concurrent request sends, so nothing runs on db 0 by mistake.
    connection.opening = client.connect().then(() => client.select(db)).then(() => undefined).finally(() => {
      connection.opening = undefined;
    });
    return connection.opening;
  }
  await nextReady(client);
}

/**
 * Whether a duplicate of the instance's client can still be used: not closed, and made since the
 * last Sentinel failover (one made before may still be on the demoted master).
 */
export function isCurrentDuplicate(instance: RedisInstance, made: { client: Redis; generation: number } | undefined): boolean {
  return made !== undefined && made.client.status !== 'end' && made.generation === instance.generation;
}

function connectionFor(instance: RedisInstance, shared: Redis, db: number): DbConnection {
  const { dbs } = stateOf(instance);
  const existing = dbs.get(db);
  if (existing && isCurrentDuplicate(instance, existing)) {
    // Map order is the LRU order.
    dbs.delete(db);
    dbs.set(db, existing);
    return existing;
  }
  existing?.pipe.close();
  existing?.values.close();
  // A duplicate made before a failover may still be on the demoted master.
  if (existing && existing.client !== shared) existing.client.disconnect();
  let client = shared;
  if (db !== 0) {
    client = shared.duplicate();
    countOwnTraffic(client, instance.traffic);
    client.on('error', () => undefined); // failures reach the caller through the command
  }
  const connection: DbConnection = {
    db, client, generation: instance.generation,
    pipe: countedPipe(instance, shared, db, 'redlens-keys'), values: countedPipe(instance, shared, db, 'redlens-keys', VALUE_REPLY_MAX_BYTES),
  };
  dbs.set(db, connection);
  for (const [oldDb, old] of dbs) {
    if (dbs.size <= MAX_DBS_PER_INSTANCE) break;
    dbs.delete(oldDb);
    old.pipe.close();
    old.values.close();
    if (old.client !== shared) old.client.disconnect();
  }
  return connection;
}

/** Runs `work` on db `db` (already checked against the instance's databases). */
export function onDb<T>(instance: RedisInstance, db: number, work: (connection: DbConnection) => Promise<T>): Promise<T> {
  return instance.run(async (shared) => {
    const connection = connectionFor(instance, shared, db);
    if (connection.client !== shared) await ready(connection);
    return work(connection);
  });
}

type Keyspace = DatabasesReply['keyspace'];

/** Dbs holding keys, from INFO keyspace. */
function keyspaceIn(sections: InfoSections): Keyspace {
  return keyspaceOf(sections).map(({ db, keys, expires }) => ({ db, keys, expires }));
}

/** A replica refuses writes (READONLY): the UI hides Delete and Set TTL there. */
function roleOf(sections: InfoSections): DatabasesReply['role'] {
  const role = sections.replication?.role;
  return role === 'master' ? 'primary' : role === 'slave' ? 'replica' : null;
}

/** INFO may be denied or renamed: the key browser still works, with less to say. */
async function infoOr<T>(read: () => Promise<InfoSections>, parse: (sections: InfoSections) => T, fallback: T, notes: string[]): Promise<T> {
  try {
    return parse(await read());
  } catch (error) {
    const mapped = redisErrorToApiError(error);
    if (mapped && mapped.code !== 'REDIS_COMMAND_DENIED') throw error;
    notes.push(`INFO failed (${(error as Error).message}).`);
    return fallback;
  }
}

/**
 * The dbs of an instance (CONFIG GET databases, or when denied the keyspace's highest + 1), the
 * db its URL names, and its role. Cached a minute: all of it changes only with a restart or a
 * failover (then a write answers 409 REDIS_READONLY until the cache turns).
 */
export async function listDatabases(instance: RedisInstance): Promise<DatabasesReply> {
  const state = stateOf(instance);
  if (state.databases && Date.now() - state.databases.at < DATABASES_TTL_MS) return state.databases.value;
  const value = await instance.run(async (client): Promise<DatabasesReply> => {
    const notes: string[] = [];
    const [keyspace, role] = await Promise.all([
      infoOr(() => readInfo(client, 'keyspace'), keyspaceIn, [], notes),
      infoOr(() => readInfo(client, 'replication'), roleOf, null, notes),
    ]);
    const common = { keyspace, defaultDb: instance.defaultDb, role, ...(notes.length > 0 && { infoError: notes[0] }) };
    try {
      const config = await configGet(client, 'databases');
      const databases = Number(config.databases);
      if (Number.isInteger(databases) && databases > 0) return { databases, source: 'config', ...common };
      throw new Error(`CONFIG GET databases answered ${JSON.stringify(Object.entries(config).flat())}`);
    } catch (error) {
      const denied = redisErrorToApiError(error);
      if (denied && denied.code !== 'REDIS_COMMAND_DENIED') throw error;
      const highest = Math.max(DEFAULT_DATABASES - 1, instance.defaultDb, ...keyspace.map((entry) => entry.db));
      return {
        databases: highest + 1, source: 'keyspace', ...common,
        configError: `CONFIG GET databases failed (${(error as Error).message}); the db list is a guess from INFO keyspace.`,
      };
    }
  });
  state.databases = { value, at: Date.now() };
  return value;
}

/** The db a request names, or the instance URL's /db when it names none, checked (400 when absent). */
export async function checkedDb(instance: RedisInstance, requested: number | undefined): Promise<number> {
  const db = requested ?? instance.defaultDb;
  await checkDb(instance, db);
  return db;
}

/** 400 for a db index the server does not have (SPEC section 5). */
export async function checkDb(instance: RedisInstance, db: number): Promise<void> {
  if (db === 0) return; // every Redis has db 0: no lookup needed
  const { databases } = await listDatabases(instance);
  if (db >= databases) throw badRequest(`db: must be 0 .. ${databases - 1} (this server has ${databases} databases)`);
}
