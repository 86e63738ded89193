// Shapes of the key browser's JSON replies, shared by route handlers and the browser.

/** A name as the UI shows it (escapes made visible) and its exact bytes. */
export interface KeyName {
  key: string;
  keyB64: string;
}

/** The cluster node a key lives on (a Redis Cluster instance only): its pages are /instances/{instanceId}. */
export interface KeyNode {
  /** host:port */
  address: string;
  instanceId: string;
}

export interface KeyRow extends KeyName {
  type: string;
  /** -1: no TTL. */
  ttlMs: number;
  /** MEMORY USAGE (SAMPLES 5); absent when not asked for or denied by the ACL. */
  memoryBytes?: number;
  /** On a Redis Cluster: the master serving the key's slot when it was listed. */
  node?: KeyNode;
}

export interface KeysPage {
  db: number;
  /**
   * The cursor to continue from; "0" with done: true at the end of the keyspace. On a Redis
   * Cluster a `cluster:...` cursor carrying one SCAN cursor per master (lib/keys/cluster-cursor.ts).
   */
  cursor: string;
  done: boolean;
  keys: KeyRow[];
  /** Keys SCAN walked for this page (a filter hides some: then an estimate from COUNT). */
  scanned: number;
  scannedExact: boolean;
  /** DBSIZE when the page was read. */
  dbSize: number;
  /** SCAN round trips this page used and why it stopped early, if it did. */
  scanCalls: number;
  /** time: SCAN_MAX_MS (or no Redis time left for the key browser within it); calls: SCAN_MAX_CALLS. */
  stoppedBy?: 'time' | 'calls' | 'size';
  /** True when the pattern had no wildcard and one lookup answered it. */
  exact: boolean;
  /** Why MEMORY USAGE is missing (ACL denial), if it is. */
  memoryError?: string;
}

export interface DatabasesReply {
  /** How many dbs the server has (CONFIG GET databases), or the keyspace's highest + 1. */
  databases: number;
  source: 'config' | 'keyspace';
  /** Dbs that hold keys, from INFO keyspace. */
  keyspace: Array<{ db: number; keys: number; expires: number }>;
  /** The db of the instance's URL (`redis://host/2`): where the key browser opens. */
  defaultDb: number;
  /** From INFO replication; null when INFO could not be read. A replica refuses writes. */
  role: 'primary' | 'replica' | null;
  configError?: string;
  infoError?: string;
  /** Set for a Redis Cluster instance: db 0 only, keys on `masters` masters. */
  cluster?: { masters: number };
}

/** One element of a collection, cut to ELEMENT_PREVIEW_BYTES for display. */
export interface ShownBytes {
  text: string;
  /** The element was longer than shown. */
  cut?: true;
  /** Bytes in full. */
  bytes: number;
  /** The exact bytes (base64) when the element is shown whole (not `cut`): what a key edit sends back. */
  b64?: string;
}

/** Every value says `truncated: true` when more of it exists beyond this page (SPEC section 5). */
export type KeyValue =
  | { kind: 'string'; offset: number; b64: string; bytes: number; truncated: boolean }
  | { kind: 'hash'; cursor: string; done: boolean; truncated: boolean; entries: Array<{ field: ShownBytes; value: ShownBytes }> }
  | { kind: 'list'; offset: number; items: Array<{ index: number; value: ShownBytes }>; truncated: boolean }
  | { kind: 'set'; cursor: string; done: boolean; truncated: boolean; members: ShownBytes[] }
  | { kind: 'zset'; by: 'rank' | 'score'; offset: number; members: Array<{ rank?: number; member: ShownBytes; score: string }>; truncated: boolean }
  | {
      kind: 'stream';
      order: 'asc' | 'desc';
      truncated: boolean;
      entries: Array<{ id: string; fields: Array<[ShownBytes, ShownBytes]> }>;
      /** The id to continue from (exclusive), when more entries may follow. */
      next?: string;
      groups?: Array<{ name: string; consumers: number; pending: number; lastDeliveredId: string; lag?: number | null }>;
      groupsError?: string;
    }
  | {
      /**
       * The elements are too big to show: one element would pass the byte cap of a value read
       * (VALUE_REPLY_MAX_BYTES), by MEMORY USAGE's estimate or because a reply did. Nothing of
       * the value was read. Redis has no command that reads part of a collection's element.
       */
      kind: 'too-large';
      truncated: true;
      capBytes: number;
      /** MEMORY USAGE / length, when that is what told; null when a reply passed the cap. */
      elementBytes: number | null;
      /** Where the page that could not be read starts (an offset, or a cursor for HSCAN / SSCAN). */
      at: string;
    }
  | { kind: 'unsupported' };

export interface KeyDetail extends KeyName {
  db: number;
  type: string;
  ttlMs: number;
  encoding: string | null;
  /** Elements (collections), bytes (strings), entries (streams). */
  length: number;
  memoryBytes: number | null;
  /** Why a figure is missing (ACL denial), if one is. */
  notes: string[];
  value: KeyValue;
  fetchedAt: string;
  /** On a Redis Cluster: the master that answered (the one serving the key's slot). */
  node?: KeyNode;
}

export interface KeyDeleteReply extends KeyName {
  deleted: true;
}

export interface KeyTtlReply extends KeyName {
  ttlMs: number;
}
