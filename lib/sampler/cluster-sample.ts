// The whole of a Redis Cluster as one history row, from the rows its nodes recorded in the same
// tick: no INFO of its own (each node's INFO was read once, by its own sample). Pure.
//
// What is summed over which nodes:
// - memory, clients, network and lookups (hits, misses): every node that answered, masters and
//   replicas (the memory and the connections the cluster holds; replicas serve READONLY reads);
// - keys, commands, evictions and expirations: the masters only (a replica holds copies of its
//   master's keys and replays its writes, so counting them too would count each write twice);
// - the PING p95 and the fragmentation ratio: the worst node's.
// The hit ratio is recomputed from the summed hits and misses, never averaged.
import type { RecentRates } from '@/lib/api/types';
import type { Metric, MetricValues, SampleRow } from '@/lib/history/types';
import { hitRatio } from '@/lib/hit-ratio';

/** One node's part: its role in the cluster's view and the row its own sample recorded this tick. */
export interface ClusterMemberRow {
  role: 'master' | 'replica';
  /** null before the node's first sample. */
  row: SampleRow | null;
}

type Over = 'all' | 'masters';

const SUMMED: ReadonlyArray<[Metric, Over]> = [
  ['usedMemory', 'all'],
  ['usedMemoryRss', 'all'],
  ['connectedClients', 'all'],
  ['blockedClients', 'all'],
  ['hitsPerSec', 'all'],
  ['missesPerSec', 'all'],
  ['hitsPerSec_raw', 'all'],
  ['missesPerSec_raw', 'all'],
  ['netInputBytesPerSec', 'all'],
  ['netOutputBytesPerSec', 'all'],
  ['keys', 'masters'],
  ['opsPerSec', 'masters'],
  ['opsPerSec_raw', 'masters'],
  ['evictedPerSec', 'masters'],
  ['expiredPerSec', 'masters'],
];

const WORST: readonly Metric[] = ['pingP95Ms', 'fragmentationRatio'];

/**
 * `combine` of a metric over the nodes that answered this tick; null when none did, or when one
 * of them has no figure (its first sample has no rate yet): a partial sum would read as a drop.
 */
function over(rows: SampleRow[], metric: Metric, combine: (values: number[]) => number): number | null {
  if (rows.length === 0) return null;
  const values = rows.map((row) => row.values[metric]);
  return values.every((value): value is number => value !== null) ? combine(values) : null;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const max = (values: number[]) => Math.max(...values);

/** The cluster's row at `ts`: up while a node told the topology; null figures where no node answered. */
export function clusterRow(clusterId: string, ts: number, members: ClusterMemberRow[], up: boolean): SampleRow {
  const answered = members.filter((member) => member.row?.up);
  const rowsOf = (which: Over) => answered.filter((member) => which === 'all' || member.role === 'master').map((member) => member.row!);
  const values = {} as MetricValues;
  for (const [metric, which] of SUMMED) values[metric] = over(rowsOf(which), metric, sum);
  for (const metric of WORST) values[metric] = over(rowsOf('all'), metric, max);
  // A limit for the whole only when every node has one: otherwise part of it has none.
  values.maxmemory = over(rowsOf('all'), 'maxmemory', sum);
  values.hitRatio = values.hitsPerSec !== null && values.missesPerSec !== null ? hitRatio(values.hitsPerSec, values.missesPerSec) : null;
  values.hitRatio_raw = values.hitsPerSec_raw !== null && values.missesPerSec_raw !== null ? hitRatio(values.hitsPerSec_raw, values.missesPerSec_raw) : null;
  return { instance: clusterId, ts, up: up && answered.length > 0, runId: null, values };
}

/**
 * The cluster's rates over the rule window from its nodes' (the fleet card's and the cluster
 * page's ops/s and hit ratio): commands of the masters, lookups of every node; null until at
 * least one master has a window.
 */
export function clusterRecentRates(members: Array<{ role: 'master' | 'replica'; rates: RecentRates | null }>): RecentRates | null {
  const withRates = members.filter((member): member is { role: 'master' | 'replica'; rates: RecentRates } => member.rates !== null);
  const masters = withRates.filter((member) => member.role === 'master');
  if (masters.length === 0) return null;
  // Each node's hits are its ratio times its lookups; summed, then divided once.
  const lookups = sum(withRates.map(({ rates }) => rates.lookups));
  const hits = sum(withRates.map(({ rates }) => (rates.hitRatio ?? 0) * rates.lookups));
  return {
    windowSeconds: max(withRates.map(({ rates }) => rates.windowSeconds)),
    hitRatio: hitRatio(hits, lookups - hits),
    lookups,
    opsPerSec: sum(masters.map(({ rates }) => rates.opsPerSec)),
    evictedPerSec: sum(masters.map(({ rates }) => rates.evictedPerSec)),
  };
}
