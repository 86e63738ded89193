// The key listing's cursor on a Redis Cluster (GET .../keys on a cluster instance): one SCAN
// cursor per master still to walk, in one string the page hands back like a plain cursor. Each
// shard is named by its first hash slot (what stays true across a failover: the promoted replica
// serves the same slots) and by the address of the master the cursor belongs to (a SCAN cursor is
// a position in one server's hash table, so it is only worth continuing on that server).
// Pure and browser-shared: the key browser keeps it in its URL. No server imports.
//
//   cluster:<firstSlot>@<host:port>/<cursor>,<firstSlot>@<host:port>/<cursor>,...
//
// Shards already walked are left out; "0" (a plain cursor) starts at the first master.

/** The masters a cursor may list: far above any real cluster (Redis advises at most 1000 nodes). */
export const MAX_CLUSTER_CURSOR_SHARDS = 1024;
/** Characters a cluster cursor may have: a URL carries it. */
export const MAX_CLUSTER_CURSOR_LENGTH = 64 * 1024;

const PREFIX = 'cluster:';
const ENTRY = /^(\d{1,5})@([^,@/\s]{1,300})\/(\d{1,20})$/;
const MAX_SCAN_CURSOR = BigInt('18446744073709551615');

export interface ClusterShardCursor {
  /** The first hash slot of the shard when the walk reached it. */
  firstSlot: number;
  /** host:port of the master whose SCAN cursor this is. */
  address: string;
  /** That master's SCAN cursor ("0": not started). */
  cursor: string;
}

export const isClusterCursor = (value: string): boolean => value.startsWith(PREFIX);

/** The shards of a cluster cursor, or null when it is not one (or is malformed). */
export function parseClusterCursor(value: string): ClusterShardCursor[] | null {
  if (!isClusterCursor(value) || value.length > MAX_CLUSTER_CURSOR_LENGTH) return null;
  const parts = value.slice(PREFIX.length).split(',');
  if (parts.length === 0 || parts.length > MAX_CLUSTER_CURSOR_SHARDS) return null;
  const shards: ClusterShardCursor[] = [];
  for (const part of parts) {
    const match = ENTRY.exec(part);
    if (!match) return null;
    const firstSlot = Number(match[1]);
    if (firstSlot > 16383 || BigInt(match[3]!) > MAX_SCAN_CURSOR) return null;
    shards.push({ firstSlot, address: match[2]!, cursor: match[3]! });
  }
  return shards;
}

/** The cursor of the shards still to walk; "0" when none is left (the listing is done). */
export function formatClusterCursor(shards: ClusterShardCursor[]): string {
  if (shards.length === 0) return '0';
  return `${PREFIX}${shards.map((shard) => `${shard.firstSlot}@${shard.address}/${shard.cursor}`).join(',')}`;
}
