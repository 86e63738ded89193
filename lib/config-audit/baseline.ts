// SPEC section 3: what the guide recommends for a cache, setting by setting, and how a reported
// value is judged against it. Pure, browser-shared (the pages show the same words).
import { parseMemorySize } from './memory-size';
import type { AuditStatus } from './types';

/** What the judgement may look at besides the value. */
export interface AuditContext {
  /** INFO memory's total_system_memory in bytes, when known. */
  totalSystemMemory?: number;
}

export interface Judgement {
  status: AuditStatus;
  /** Added to the row's why when the value itself calls for a word (which classes differ, ...). */
  note?: string;
}

export interface BaselineRow {
  /** The Redis 7 name; Redis 6 reports `*-ziplist-*` for the encoding thresholds. */
  name: string;
  recommended: string;
  why: string;
  judge: (value: string, context: AuditContext) => Judgement;
  /** The value the fix sets. */
  fixValue: (context: AuditContext) => string;
}

const ok: Judgement = { status: 'ok' };
const warn: Judgement = { status: 'warn' };
const okWhen = (good: boolean): Judgement => (good ? ok : warn);
const integer = (value: string): number | null => (/^-?\d+$/.test(value.trim()) ? Number(value) : null);

function exactly(name: string, recommended: string, why: string): BaselineRow {
  return { name, recommended, why, judge: (value) => okWhen(value.trim().toLowerCase() === recommended), fixValue: () => recommended };
}

const yes = (name: string, why: string) => exactly(name, 'yes', why);

/** The guide's example limit when the host's memory is unknown. */
const DEFAULT_MAXMEMORY = '256mb';

function maxmemoryFix({ totalSystemMemory }: AuditContext): string {
  if (!totalSystemMemory) return DEFAULT_MAXMEMORY;
  // Three quarters of the host, leaving room for fragmentation, forks and the OS.
  return `${Math.max(1, Math.floor((totalSystemMemory * 0.75) / 1024 ** 2))}mb`;
}

/** client-output-buffer-limit per class: hard, soft (bytes), soft seconds. `slave` is the old name of `replica`. */
const BUFFER_LIMITS = { normal: [0, 0, 0], replica: [256 * 1024 ** 2, 64 * 1024 ** 2, 60], pubsub: [32 * 1024 ** 2, 8 * 1024 ** 2, 60] } as const;
const BUFFER_LIMITS_TEXT = 'normal 0 0 0 replica 256mb 64mb 60 pubsub 32mb 8mb 60';

/** The classes whose limits differ from the recommendation; null when the value cannot be read. */
export function bufferLimitDifferences(value: string): string[] | null {
  const words = value.trim().split(/\s+/);
  if (words.length % 4 !== 0) return null;
  const differing: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < words.length; i += 4) {
    const kind = words[i]!.toLowerCase() === 'slave' ? 'replica' : words[i]!.toLowerCase();
    const limits = [parseMemorySize(words[i + 1]!), parseMemorySize(words[i + 2]!), integer(words[i + 3]!)];
    if (limits.some((limit) => limit === null)) return null;
    const wanted = BUFFER_LIMITS[kind as keyof typeof BUFFER_LIMITS];
    if (!wanted) continue;
    seen.add(kind);
    if (wanted.some((limit, j) => limit !== limits[j])) differing.push(kind);
  }
  return [...differing, ...Object.keys(BUFFER_LIMITS).filter((kind) => !seen.has(kind))];
}

export const BASELINE: readonly BaselineRow[] = [
  {
    name: 'maxmemory', recommended: 'set (not 0)',
    why: 'An unbounded cache grows until the OS kills it.',
    judge: (value) => okWhen(parseMemorySize(value) !== 0),
    fixValue: maxmemoryFix,
  },
  {
    name: 'maxmemory-policy', recommended: 'allkeys-lru (or allkeys-lfu)',
    why: 'Evict the least recently (or frequently) used keys when full, instead of refusing writes.',
    judge: (value) => okWhen(['allkeys-lru', 'allkeys-lfu'].includes(value.trim().toLowerCase())),
    fixValue: () => 'allkeys-lru',
  },
  {
    name: 'maxmemory-samples', recommended: '5',
    why: 'Keys sampled per eviction: accuracy against CPU. Fewer evicts worse keys; more costs CPU on every eviction.',
    judge: (value) => {
      const samples = integer(value);
      if (samples === 5) return ok;
      return samples !== null && samples > 5 ? { status: 'info', note: 'More accurate evictions at more CPU per eviction.' } : warn;
    },
    fixValue: () => '5',
  },
  yes('lazyfree-lazy-eviction', 'Evicted keys are freed in a background thread, so a big key does not block Redis.'),
  yes('lazyfree-lazy-expire', 'Expired keys are freed in a background thread, so a big key does not block Redis.'),
  yes('lazyfree-lazy-server-del', 'Keys Redis deletes itself (RENAME over a key, ...) are freed in a background thread.'),
  yes('replica-lazy-flush', 'A replica empties its old dataset in a background thread during a full sync.'),
  exactly('hash-max-listpack-entries', '512', 'Small hashes keep the compact encoding: far less memory per field.'),
  exactly('hash-max-listpack-value', '64', 'Small hashes keep the compact encoding: far less memory per field.'),
  exactly('list-max-listpack-size', '-2', 'List nodes of at most 8 KB: compact and still fast to change.'),
  exactly('list-compress-depth', '0', 'No list compression: a cache reads the middle of lists too, and compressing costs CPU.'),
  exactly('set-max-intset-entries', '512', 'Small sets of integers keep the compact intset encoding.'),
  exactly('zset-max-listpack-entries', '128', 'Small sorted sets keep the compact encoding.'),
  exactly('zset-max-listpack-value', '64', 'Small sorted sets keep the compact encoding.'),
  exactly('hll-sparse-max-bytes', '3000', 'HyperLogLogs stay sparse (small) up to this size.'),
  exactly('stream-node-max-bytes', '4096', 'Stream nodes stay small enough to change cheaply.'),
  exactly('stream-node-max-entries', '100', 'Stream nodes stay small enough to change cheaply.'),
  exactly('appendfsync', 'everysec', 'Durability against speed: at most a second of writes lost, without an fsync per write.'),
  exactly('stop-writes-on-bgsave-error', 'no', 'A cache keeps serving writes when a snapshot fails; the failure is reported by the persistence-failing finding.'),
  yes('rdbcompression', 'Smaller snapshots for a little CPU.'),
  yes('rdbchecksum', 'A corrupt snapshot is detected when it is loaded.'),
  exactly('tcp-keepalive', '300', 'Dead peers are detected and their connections closed.'),
  exactly('timeout', '0', 'Redis never closes idle connections: connection pools keep theirs.'),
  {
    name: 'tcp-backlog', recommended: '511',
    why: 'Room for bursts of new connections (the kernel caps it at somaxconn).',
    judge: (value) => okWhen((integer(value) ?? 0) >= 511),
    fixValue: () => '511',
  },
  {
    name: 'client-output-buffer-limit', recommended: BUFFER_LIMITS_TEXT,
    why: 'Slow replicas and subscribers are disconnected before their buffers eat the memory; normal clients are never cut off.',
    judge: (value) => {
      const differing = bufferLimitDifferences(value);
      if (differing === null) return { status: 'warn', note: 'The value could not be read.' };
      return differing.length === 0 ? ok : { status: 'warn', note: `Differs for: ${differing.join(', ')}.` };
    },
    fixValue: () => BUFFER_LIMITS_TEXT,
  },
  {
    name: 'slowlog-log-slower-than', recommended: '> 0 and <= 10000 µs',
    why: 'A disabled (negative), everything-logging (0) or too coarse slow log hides the slow commands.',
    judge: (value) => {
      const micros = integer(value);
      return okWhen(micros !== null && micros > 0 && micros <= 10_000);
    },
    fixValue: () => '10000',
  },
  {
    name: 'slowlog-max-len', recommended: '>= 128',
    why: 'A short slow log rotates out entries before anyone reads them.',
    judge: (value) => okWhen((integer(value) ?? 0) >= 128),
    fixValue: () => '128',
  },
  {
    name: 'latency-monitor-threshold', recommended: '> 0 (ms)',
    why: 'LATENCY LATEST and LATENCY DOCTOR stay empty otherwise.',
    judge: (value) => okWhen((integer(value) ?? 0) > 0),
    fixValue: () => '100',
  },
  {
    name: 'io-threads', recommended: '2+ on multi-core hosts',
    why: 'Threaded network I/O on a host with spare cores; changing it needs a restart.',
    // Redlens cannot see the host's cores: one thread is worth a look, not a warning.
    judge: (value) => ((integer(value) ?? 1) >= 2 ? ok : { status: 'info', note: 'One I/O thread: fine on a small host.' }),
    fixValue: () => '2',
  },
];
