// The key browser on a Redis Cluster instance (SPEC section 6, issue 15). A cluster instance has
// no connection of its own: the listing, the export and the bulk delete walk every master (in
// the order of their first hash slot, one after the other), and a key's reads and writes go to
// the master serving its slot. Each master is a node instance of the registry, so the existing
// functions (scanKeys, readKey, editKey, ...) run on it unchanged, with its own connections,
// limits and own-traffic count; this module only routes, merges and says where each key lives.
//
// Redirections: a MOVED (our view of the cluster is stale: a failover, a reshard) makes the
// topology ask the nodes again, and the request is tried once more on the node named. An ASK
// (the slot is being migrated and the key already sits on the importing node): a key's detail
// and a listing's page are read again with ASKING before each key command (keys.ts
// askingSender), and POST keys/meta describes each key on its own node then. Writes (edit, TTL,
// delete) do not send ASKING (WATCH / MULTI would need it per command): they ask the topology
// again and try once more on the master it names, and a second redirection answers 503 "try
// again" (as TRYAGAIN does): a migration is short, and Redlens never writes through a half-moved
// slot.
import 'server-only';
import { ApiError, badRequest } from '@/lib/api/errors';
import { SCAN_MAX_CALLS, SCAN_MAX_MS } from '@/lib/keys/constants';
import { formatClusterCursor, isClusterCursor, parseClusterCursor } from '@/lib/keys/cluster-cursor';
import type { KeyEditInput, KeyEditReply } from '@/lib/keys/edit';
import type { KeysExportInput, KeysMetaInput, KeysMetaReply } from '@/lib/keys/export';
import { isExactPattern, unescapeGlob } from '@/lib/keys/glob';
import type { KeysQueryInput, KeyQueryInput } from '@/lib/keys/schemas';
import type { DatabasesReply, KeyDeleteReply, KeyDetail, KeyNode, KeyRow, KeysPage, KeyTtlReply } from '@/lib/keys/types';
import { displayBytes } from '@/lib/display-bytes';
import { walkBulkDelete, BULK_DELETE_LISTED_NAME_BYTES, type BulkDeleteOutcome, type BulkDeleteWalkOptions } from './bulk-delete-walk';
import { keySlot } from './cluster-slot';
import { redirectionOf, type ClusterTopology } from './cluster-topology';
import { ExportWalk, exportStream, TOO_MANY_EXPORTS, type KeyExport, type NameWalk } from './export-keys';
import { editKey } from './key-edit';
import { readInfo } from './info';
import { keyBrowserLimits } from './key-browser-limits';
import { deleteKey, scanKeys, setKeyTtl } from './keys';
import { describeVisibleKeys } from './keys-meta';
import { keyspaceOf } from './parse/parse-info';
import type { RedisInstance } from './registry';
import { isRefusal } from './scan-gate';
import { readKey } from './values';

function topologyOf(cluster: RedisInstance): ClusterTopology<RedisInstance> {
  if (!cluster.topology) throw new Error(`instance "${cluster.id}" is not a Redis Cluster`);
  return cluster.topology;
}

/** Where a key lives, as a row or a detail says it. */
export const keyNodeOf = (node: RedisInstance): KeyNode => ({ address: node.address, instanceId: node.id });

/** A cluster has db 0 only (SELECT is refused in cluster mode): any other db is a 400, before Redis. */
export function checkClusterDb(db: number | undefined): void {
  if (db !== undefined && db !== 0) throw badRequest(`db: a Redis Cluster has db 0 only (asked for db ${db})`);
}

/** DBSIZE of every master, summed: the cluster's keys. */
async function clusterDbSize(masters: RedisInstance[]): Promise<number> {
  const sizes = await Promise.all(masters.map((node) => node.run((client) => client.dbsize())));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/**
 * Runs `work` on the master serving `key`'s slot. An ASK, when `work` can send ASKING (`canAsk`):
 * once more on the node named, asking. A MOVED (or an ASK otherwise): the topology is asked again
 * and `work` runs once more (MOVED: on the node named; ASK: on the master the new view names);
 * a second redirection is a 503 that says the slot is moving.
 */
export async function onKeyNode<T>(
  cluster: RedisInstance, key: Buffer, work: (node: RedisInstance, asking: boolean) => Promise<T>, canAsk = false,
): Promise<T> {
  const topology = topologyOf(cluster);
  const node = await topology.nodeForKey(key);
  try {
    return await work(node, false);
  } catch (error) {
    const redirection = redirectionOf(error);
    if (!redirection) throw error;
    if (redirection.kind === 'ASK' && canAsk) return onceMore(cluster, () => work(topology.nodeAt(redirection.host, redirection.port), true));
    await topology.refresh();
    const next = redirection.kind === 'MOVED' ? topology.nodeAt(redirection.host, redirection.port) : await topology.nodeForKey(key);
    return onceMore(cluster, () => work(next, false));
  }
}

/** The second try after a redirection: another redirection means the slot is moving now (503). */
async function onceMore<T>(cluster: RedisInstance, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (again) {
    const second = redirectionOf(again);
    if (!second) throw again;
    throw new ApiError(
      'REDIS_UNAVAILABLE',
      `Hash slot ${second.slot} of cluster "${cluster.id}" is moving between nodes (${second.kind} to ${second.host}:${second.port}); try again in a moment.`,
    );
  }
}

/**
 * Runs `read` once more after a MOVED / ASK (`again` true), with the topology asked again (a
 * failover since the view was read, or a slot migrating).
 */
async function withFreshView<T>(cluster: RedisInstance, read: (again: boolean) => Promise<T>): Promise<T> {
  try {
    return await read(false);
  } catch (error) {
    if (!redirectionOf(error)) throw error;
    await topologyOf(cluster).refresh();
    return onceMore(cluster, () => read(true));
  }
}

// ---- The listing -----------------------------------------------------------------------------

interface Shard {
  node: RedisInstance;
  firstSlot: number;
  cursor: string;
}

/** The masters (by first slot) and the shards the cursor has still to walk, each on the master serving it now. */
async function shardsOf(cluster: RedisInstance, cursor: string): Promise<{ masters: RedisInstance[]; shards: Shard[] }> {
  const topology = topologyOf(cluster);
  const masters = await topology.masters();
  const slotsOf = (node: RedisInstance) => topology.nodeOf(node)?.slots ?? [];
  const firstSlotOf = (node: RedisInstance) => slotsOf(node)[0]?.[0] ?? 16384;
  if (cursor === '0') return { masters, shards: masters.map((node) => ({ node, firstSlot: firstSlotOf(node), cursor: '0' })) };
  const entries = isClusterCursor(cursor) ? parseClusterCursor(cursor) : null;
  if (!entries) throw badRequest(`cursor: "${cursor.slice(0, 40)}" is a plain SCAN cursor; on a Redis Cluster start at 0 and pass back the cursor a page answers`);
  const shards: Shard[] = [];
  const taken = new Set<RedisInstance>();
  for (const entry of entries) {
    const owner = masters.find((node) => slotsOf(node).some(([start, end]) => entry.firstSlot >= start && entry.firstSlot <= end));
    if (!owner) throw new ApiError('REDIS_UNAVAILABLE', `No node of cluster "${cluster.id}" serves hash slot ${entry.firstSlot} now; the listing cannot go on until one does.`);
    // After a reshard two entries may name slots of one master now: it is walked once.
    if (taken.has(owner)) continue;
    taken.add(owner);
    // A failover between pages: the shard's slots are served by its promoted replica now. A SCAN
    // cursor is a position in one server's hash table (whose hash seed is random per process), so
    // the old master's cursor means nothing on the new one: the shard RESTARTS (cursor 0) on its
    // new master. Keys it listed already come again (the browser drops repeats); none is missed.
    shards.push({ node: owner, firstSlot: firstSlotOf(owner), cursor: owner.address === entry.address ? entry.cursor : '0' });
  }
  return { masters, shards };
}

/**
 * One page of a cluster's keys: the shards in order, each SCANned by scanKeys on its master
 * until the page is full; the page's bounds (SCAN_MAX_MS, SCAN_MAX_CALLS) are shared by all the
 * masters it visits, so a page costs what it costs on one server.
 */
async function clusterPage(cluster: RedisInstance, query: KeysQueryInput, asking: boolean): Promise<KeysPage> {
  const { masters, shards } = await shardsOf(cluster, query.cursor);
  const dbSize = clusterDbSize(masters);
  dbSize.catch(() => undefined); // awaited at the end; a failure of the SCANs comes first
  const filtered = query.match !== undefined || query.type !== undefined;
  const deadline = performance.now() + SCAN_MAX_MS;
  let callsLeft = SCAN_MAX_CALLS;
  const keys: KeyRow[] = [];
  let scanned = 0;
  let scanCalls = 0;
  let stoppedBy: KeysPage['stoppedBy'];
  let memoryError: string | undefined;
  const pending = [...shards];
  while (pending.length > 0) {
    const shard = pending[0]!;
    const page = await scanKeys(shard.node, { ...query, db: 0, cursor: shard.cursor, count: query.count - keys.length }, { budget: { deadline, maxCalls: callsLeft }, asking });
    const node = keyNodeOf(shard.node);
    for (const row of page.keys) {
      row.node = node;
      keys.push(row);
    }
    scanned += page.scanned;
    scanCalls += page.scanCalls;
    callsLeft -= page.scanCalls;
    memoryError ??= page.memoryError;
    if (!page.done) {
      // Full, or out of time or calls: this shard goes on at the next page.
      shard.cursor = page.cursor;
      stoppedBy = page.stoppedBy;
      break;
    }
    pending.shift();
    if (keys.length >= query.count) break;
    if (pending.length > 0 && callsLeft <= 0) {
      stoppedBy = 'calls';
      break;
    }
    if (pending.length > 0 && performance.now() >= deadline) {
      stoppedBy = 'time';
      break;
    }
  }
  return {
    db: 0,
    cursor: formatClusterCursor(pending.map((shard) => ({ firstSlot: shard.firstSlot, address: shard.node.address, cursor: shard.cursor }))),
    done: pending.length === 0,
    keys, scanned, scannedExact: !filtered, dbSize: await dbSize, scanCalls, exact: false,
    ...(stoppedBy !== undefined && { stoppedBy }),
    ...(memoryError !== undefined && { memoryError }),
  };
}

/** A pattern without wildcard names one key: one lookup on its master. */
async function exactClusterLookup(cluster: RedisInstance, query: KeysQueryInput, match: string): Promise<KeysPage> {
  const key = Buffer.from(unescapeGlob(match));
  const page = await onKeyNode(cluster, key, async (node, asking) => {
    const found = await scanKeys(node, { ...query, db: 0, cursor: '0' }, { asking });
    for (const row of found.keys) row.node = keyNodeOf(node);
    return found;
  }, true);
  return { ...page, dbSize: await clusterDbSize(await topologyOf(cluster).masters()) };
}

/** GET .../keys on a cluster: a page of keys over every master, each row naming its node. */
export async function listClusterKeys(cluster: RedisInstance, query: KeysQueryInput): Promise<KeysPage> {
  checkClusterDb(query.db);
  if (query.match !== undefined && isExactPattern(query.match)) return exactClusterLookup(cluster, query, query.match);
  // Right after a failover the view may still name the demoted master: its SCAN answers, but its
  // TYPE / PTTL say MOVED. While a slot migrates, the importing node's SCAN lists the keys already
  // moved there, and their TYPE says MOVED unless ASKING comes first. Either way the page is read
  // again from the same cursor, with the new view and ASKING before each key's TYPE / PTTL
  // (harmless on a slot the node serves; a node neither serving nor importing the slot holds
  // none of its keys).
  return withFreshView(cluster, (again) => clusterPage(cluster, query, again));
}

/** GET .../keys/databases on a cluster: db 0 only, its keys summed over the masters. */
export async function clusterDatabases(cluster: RedisInstance): Promise<DatabasesReply> {
  const masters = await topologyOf(cluster).masters();
  const keyspaces = await Promise.all(masters.map((node) => node.run(async (client) => {
    const db0 = keyspaceOf(await readInfo(client, 'keyspace')).find((entry) => entry.db === 0);
    return { keys: db0?.keys ?? 0, expires: db0?.expires ?? 0 };
  })));
  const keys = keyspaces.reduce((sum, entry) => sum + entry.keys, 0);
  const expires = keyspaces.reduce((sum, entry) => sum + entry.expires, 0);
  return {
    databases: 1, source: 'config', defaultDb: 0, role: 'primary',
    keyspace: keys > 0 ? [{ db: 0, keys, expires }] : [],
    cluster: { masters: masters.length },
  };
}

// ---- One key ---------------------------------------------------------------------------------

/** GET .../key on a cluster: read on the master of the key's slot, which the detail names. */
export function readClusterKey(cluster: RedisInstance, key: Buffer, query: KeyQueryInput): Promise<KeyDetail> {
  checkClusterDb(query.db);
  return onKeyNode(cluster, key, async (node, asking) => ({ ...(await readKey(node, key, { ...query, db: 0 }, { asking })), node: keyNodeOf(node) }), true);
}

/** Tells which node a change was made on (the route adds it to the audit entry's target). */
export type ChangedOn = (node: KeyNode) => void;

/** `work` on the key's master; once it has succeeded, `changedOn` hears which node that was. */
function changeOnKeyNode<T>(cluster: RedisInstance, key: Buffer, changedOn: ChangedOn | undefined, work: (node: RedisInstance) => Promise<T>): Promise<T> {
  return onKeyNode(cluster, key, async (node) => {
    const result = await work(node);
    changedOn?.(keyNodeOf(node));
    return result;
  });
}

export function deleteClusterKey(cluster: RedisInstance, db: number, key: Buffer, changedOn?: ChangedOn): Promise<KeyDeleteReply> {
  checkClusterDb(db);
  return changeOnKeyNode(cluster, key, changedOn, (node) => deleteKey(node, 0, key));
}

export function setClusterKeyTtl(cluster: RedisInstance, db: number, key: Buffer, ttlMs: number, changedOn?: ChangedOn): Promise<KeyTtlReply> {
  checkClusterDb(db);
  return changeOnKeyNode(cluster, key, changedOn, (node) => setKeyTtl(node, 0, key, ttlMs));
}

/**
 * PUT .../key on a cluster: the edit runs on the master of the key's slot. A rename (RENAMENX)
 * needs both names in one slot: across slots it is refused here, before Redis (which would
 * answer CROSSSLOT).
 */
export function editClusterKey(cluster: RedisInstance, body: KeyEditInput, changedOn?: ChangedOn): Promise<KeyEditReply> {
  checkClusterDb(body.db);
  const key = Buffer.from(body.keyB64, 'base64');
  if ('rename' in body.op) {
    const to = Buffer.from(body.op.rename.newKeyB64, 'base64');
    const [from, into] = [keySlot(key), keySlot(to)];
    if (from !== into) {
      throw badRequest(
        `CROSSSLOT: on a Redis Cluster a rename keeps the key in its hash slot. ${displayBytes(key).text} is in slot ${from}, `
        + `${displayBytes(to).text} would be in slot ${into}; give both names the same hash tag (like {user:42}). Nothing was changed.`,
      );
    }
  }
  return changeOnKeyNode(cluster, key, changedOn, (node) => editKey(node, body));
}

/** The described rows of each node merged into one answer, in the order asked, each naming its node. */
function mergedMeta(input: KeysMetaInput, described: Array<{ node: RedisInstance; reply: KeysMetaReply }>): KeysMetaReply {
  const rows = new Map<string, KeyRow>();
  let memoryError: string | undefined;
  for (const { node, reply } of described) {
    const where = keyNodeOf(node);
    for (const row of reply.keys) rows.set(row.keyB64, { ...row, node: where });
    memoryError ??= reply.memoryError;
  }
  return {
    db: 0,
    keys: input.keysB64.filter((id) => rows.has(id)).map((id) => rows.get(id)!),
    missing: input.keysB64.filter((id) => !rows.has(id)),
    ...(memoryError !== undefined && { memoryError }),
  };
}

/**
 * POST .../keys/meta on a cluster: the keys grouped per master, each group described on its node
 * in one write. After a redirection (a failover, or a slot migrating: some keys already on the
 * importing node) the topology is asked again and each key is described on its own, following
 * its own ASK with ASKING: more round trips, only while the cluster changes.
 */
export async function describeClusterKeys(cluster: RedisInstance, input: KeysMetaInput): Promise<KeysMetaReply> {
  checkClusterDb(input.db);
  const topology = topologyOf(cluster);
  const grouped = async () => {
    const groups = new Map<RedisInstance, string[]>();
    for (const id of input.keysB64) {
      const node = await topology.nodeForKey(Buffer.from(id, 'base64'));
      const group = groups.get(node);
      if (group) group.push(id);
      else groups.set(node, [id]);
    }
    return mergedMeta(input, await Promise.all([...groups].map(async ([node, keysB64]) => ({
      node, reply: await describeVisibleKeys(node, { db: 0, keysB64, memory: input.memory }),
    }))));
  };
  const keyByKey = async () => mergedMeta(input, await Promise.all(input.keysB64.map((id) => onKeyNode(cluster, Buffer.from(id, 'base64'), async (node, asking) => ({
    node, reply: await describeVisibleKeys(node, { db: 0, keysB64: [id], memory: input.memory }, { asking }),
  }), true))));
  return withFreshView(cluster, (again) => (again ? keyByKey() : grouped()));
}

// ---- Scan all (the export) -------------------------------------------------------------------

/**
 * The export's walk over the masters one after the other: each master's own ExportWalk (its
 * counted `redlens-export` pipe, its pacing, its repeats dropped), the next opened when one ends.
 * A failover during the export: the demoted master still answers SCAN (it holds the same keys as
 * a replica), so its walk goes on where it was.
 */
class ClusterExportWalk implements NameWalk {
  readonly stop = new AbortController();
  private index = 0;
  private walk: ExportWalk;
  private before = { scanned: 0, sent: 0 };

  constructor(
    private readonly masters: RedisInstance[],
    private readonly query: KeysExportInput,
  ) {
    this.walk = new ExportWalk(masters[0]!, 0, query);
  }

  /** Opens the first master's walk (its DBSIZE and first SCAN). */
  async open(): Promise<void> {
    await this.walk.open();
  }

  get done(): boolean {
    return this.index === this.masters.length - 1 && this.walk.done;
  }

  get scanned(): number {
    return this.before.scanned + this.walk.scanned;
  }

  get sent(): number {
    return this.before.sent + this.walk.sent;
  }

  async next(): Promise<Buffer[]> {
    if (this.walk.done) {
      this.before = { scanned: this.scanned, sent: this.sent };
      this.walk.close();
      this.index += 1;
      this.walk = new ExportWalk(this.masters[this.index]!, 0, this.query);
      await this.walk.open();
      // Cancelled while the next master's walk opened: close it too.
      if (this.stop.signal.aborted) this.walk.close();
    }
    return this.walk.next();
  }

  lines(names: Buffer[]) {
    return this.walk.lines(names);
  }

  close(): void {
    this.stop.abort();
    this.walk.close();
  }
}

/**
 * GET .../keys/export on a cluster: every master's names in one NDJSON stream, one master after
 * the other, then one `done` line. One export slot of the cluster instance is held for it.
 */
export async function exportClusterKeys(cluster: RedisInstance, query: KeysExportInput, signal: AbortSignal): Promise<KeyExport> {
  checkClusterDb(query.db);
  const masters = await topologyOf(cluster).masters();
  if (masters.length === 0) throw new ApiError('REDIS_UNAVAILABLE', `No master of cluster "${cluster.id}" serves slots now.`);
  const slot = await keyBrowserLimits(cluster).exports.acquire();
  if (isRefusal(slot)) throw new ApiError('TOO_MANY_REQUESTS', TOO_MANY_EXPORTS, { retryAfterSeconds: slot.retryAfterMs / 1000 });
  const walk = new ClusterExportWalk(masters, query);
  let dbSize: number;
  try {
    [dbSize] = await Promise.all([clusterDbSize(masters), walk.open()]);
  } catch (error) {
    walk.close();
    slot();
    throw error;
  }
  return { db: 0, dbSize, body: exportStream(walk, slot, signal) };
}

// ---- Bulk delete -----------------------------------------------------------------------------

/**
 * The bulk delete's walk over every master, one after the other (walkBulkDelete on each node,
 * which UNLINKs per hash slot there): counts and progress summed, DBSIZE of all masters as the
 * total, the listed names bounded as on one server. A cancel stops after the node it is on.
 */
export async function walkClusterBulkDelete(cluster: RedisInstance, options: BulkDeleteWalkOptions): Promise<BulkDeleteOutcome> {
  checkClusterDb(options.db);
  const masters = await topologyOf(cluster).masters();
  const dbSize = await clusterDbSize(masters);
  options.onStart?.(dbSize);
  const total: BulkDeleteOutcome = { scanned: 0, matched: 0, deleted: 0, skipped: 0, errors: 0, dbSize, firstKeys: [], stoppedBy: 'end', deduped: true };
  let listedBytes = 0;
  for (const node of masters) {
    if (options.signal.aborted) {
      total.stoppedBy = 'cancelled';
      break;
    }
    const before = { ...total };
    const outcome = await walkBulkDelete(node, {
      ...options,
      db: 0,
      listKeys: Math.max(0, options.listKeys - total.firstKeys.length),
      onStart: undefined,
      onBatch: (step) => options.onBatch({
        ...step,
        scanned: before.scanned + step.scanned, matched: before.matched + step.matched, deleted: before.deleted + step.deleted,
        skipped: before.skipped + step.skipped, errors: before.errors + step.errors,
      }),
    });
    total.scanned += outcome.scanned;
    total.matched += outcome.matched;
    total.deleted += outcome.deleted;
    total.skipped += outcome.skipped;
    total.errors += outcome.errors;
    total.deduped &&= outcome.deduped;
    if (outcome.firstError !== undefined) total.firstError ??= outcome.firstError;
    for (const name of outcome.firstKeys) {
      if (total.firstKeys.length >= options.listKeys || listedBytes + name.length > BULK_DELETE_LISTED_NAME_BYTES) break;
      listedBytes += name.length;
      total.firstKeys.push(name);
    }
    if (outcome.stoppedBy === 'cancelled') {
      total.stoppedBy = 'cancelled';
      break;
    }
  }
  return total;
}
