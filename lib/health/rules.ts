// The health rules of SPEC section 2, evaluated on each sample. Pure: the sampler gathers the
// input, this decides what is wrong, how badly, and what to do about it.
import type { DerivedInfo } from '@/lib/api/types';
import type { EventValue, InstanceEvent } from '@/lib/events/types';
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import { isOwnClientName } from '@/lib/own-client-name';
import { warningFor } from '@/lib/slowlog/warnings';
import { memorySeverity, type Thresholds } from '@/lib/health-targets';
import { hitRatio } from '@/lib/hit-ratio';
import type { CounterDelta, Finding } from './types';

export interface HealthInput {
  /** Why Redis did not answer this sample, or null when it did. */
  down: string | null;
  info: DerivedInfo | null;
  /** Counter deltas over the rule window (about the last minute of samples). */
  window: CounterDelta | null;
  /** p95 of the sampler's PING round trips over the same window, ms. */
  pingP95Ms: number | null;
  /** blocked_clients of the latest samples, oldest first. */
  blockedHistory: number[];
  /** Slow log entries that ran within the slow-commands window. */
  slowEntries: SlowlogEntry[];
  /** Connections Redlens itself holds to this Redis (lib/redis/own-traffic.ts). */
  ownConnections: number;
  /** Events of the last hour, oldest first (restarts, config changes: lib/events). */
  recentEvents: InstanceEvent[];
  /** When this sample was taken (unix ms): the rules that last an hour after an event count from it. */
  now: number;
}

export type RuleResult = Omit<Finding, 'since'>;

const MiB = 1024 * 1024;
const pct = (ratio: number) => `${(ratio * 100).toFixed(1)} %`;
const mib = (bytes: number) => `${(bytes / MiB).toFixed(1)} MiB`;
const count = (n: number) => n.toLocaleString('en-US');
/** An event's time in the detail: absolute (UTC), so the stored detail does not age. */
const clock = (ms: number) => `${new Date(ms).toISOString().slice(11, 19)} UTC`;
/** How long data-loss-on-restart and config-changed stay after their event (SPEC section 2). */
export const EVENT_FINDING_MS = 60 * 60_000;

type Rule = (input: HealthInput, t: Thresholds) => RuleResult | null;

const instanceDown: Rule = ({ down }) =>
  down === null
    ? null
    : {
        id: 'instance-down', severity: 'critical', title: 'Redis does not answer',
        detail: down, value: null, threshold: null,
        remediation: 'Check that redis-server runs and is reachable from Redlens (host, port, TLS, password); look at its log.',
      };

const hitRatioLow: Rule = ({ window }, t) => {
  if (!window) return null;
  const lookups = window.hits + window.misses;
  const ratio = hitRatio(window.hits, window.misses, t.hitRatioMinLookups);
  if (ratio === null || ratio >= t.hitRatioMin) return null;
  return {
    id: 'hit-ratio-low', severity: 'warning', title: 'Cache hit ratio is low',
    detail: `${pct(ratio)} of ${lookups.toLocaleString('en-US')} lookups hit over the last ${Math.round(window.seconds)} s (target > ${pct(t.hitRatioMin)}).`,
    value: ratio, threshold: t.hitRatioMin,
    remediation: 'Find the keys that miss (slow log, key patterns): warm them, lengthen their TTL, or stop caching what is read once.',
  };
};

const fragmentationHigh: Rule = ({ info }, t) => {
  if (!info) return null;
  const { fragmentationRatio, fragmentationBytes } = info.memory;
  if (fragmentationRatio <= t.fragmentationRatioMax || fragmentationBytes <= t.fragmentationBytesMin) return null;
  return {
    id: 'fragmentation-high', severity: 'warning', title: 'Memory is fragmented',
    detail: `mem_fragmentation_ratio is ${fragmentationRatio.toFixed(2)} with ${mib(fragmentationBytes)} fragmented (limit ${t.fragmentationRatioMax}).`,
    value: fragmentationRatio, threshold: t.fragmentationRatioMax,
    remediation: 'Enable active defragmentation (CONFIG SET activedefrag yes) or schedule a restart of the replica first, then fail over.',
  };
};

const clientsHigh: Rule = ({ info, ownConnections }, t) => {
  if (!info) return null;
  // Redlens's own connections are not the application's (SPEC section 8).
  const clients = Math.max(0, info.clients.connected - ownConnections);
  if (clients <= t.clientsMax) return null;
  return {
    id: 'clients-high', severity: 'warning', title: 'Many clients are connected',
    detail: `${clients} connected clients besides Redlens's ${ownConnections} (target < ${t.clientsMax}, maxclients ${info.clients.max}).`,
    value: clients, threshold: t.clientsMax,
    remediation: 'Use a connection pool in each application and close idle connections (CLIENT LIST shows who holds them).',
  };
};

const memoryNearLimit: Rule = ({ info }, t) => {
  if (!info) return null;
  const { usedBytes, maxmemoryBytes, totalSystemBytes } = info.memory;
  const limit = maxmemoryBytes ?? totalSystemBytes;
  if (!limit) return null;
  const ratio = usedBytes / limit;
  const severity = memorySeverity(ratio, t.memoryUsedRatioMax);
  if (!severity) return null;
  const against = maxmemoryBytes ? 'maxmemory' : 'system memory (maxmemory is 0: no limit)';
  return {
    id: 'memory-near-limit', severity, title: 'Memory is near its limit',
    detail: `${mib(usedBytes)} used of ${mib(limit)} ${against}: ${pct(ratio)} (target < ${pct(t.memoryUsedRatioMax)}).`,
    value: ratio, threshold: t.memoryUsedRatioMax,
    remediation: maxmemoryBytes
      ? 'Check what grows (keys without TTL, big keys); raise maxmemory if the host has room, or shorten TTLs.'
      : 'Set maxmemory below the host memory with an eviction policy, before the OS kills Redis.',
  };
};

const maxmemoryUnset: Rule = ({ info }) => {
  if (!info || info.memory.maxmemoryBytes !== null) return null;
  const keys = info.totalKeys;
  const expiring = info.keyspace.reduce((sum, db) => sum + db.expires, 0);
  // A cache is an instance that evicts or whose keys mostly expire.
  const looksLikeCache = info.memory.policy !== 'noeviction' || (keys > 0 && expiring / keys >= 0.5);
  if (!looksLikeCache) return null;
  return {
    id: 'maxmemory-unset', severity: 'warning', title: 'No memory limit on a cache',
    detail: `maxmemory is 0 with policy ${info.memory.policy}; ${expiring.toLocaleString('en-US')} of ${keys.toLocaleString('en-US')} keys have a TTL.`,
    value: 0, threshold: null,
    remediation: 'CONFIG SET maxmemory to about 75 % of the host memory and maxmemory-policy allkeys-lru, and persist it in redis.conf.',
  };
};

const evictionsHigh: Rule = ({ window }, t) => {
  if (!window) return null;
  const perSec = window.evicted / window.seconds;
  if (perSec <= t.evictedPerSecMax) return null;
  return {
    id: 'evictions-high', severity: 'warning', title: 'Redis is evicting many keys',
    detail: `${perSec.toFixed(0)} keys/s evicted over the last ${Math.round(window.seconds)} s (target < ${t.evictedPerSecMax} keys/s).`,
    value: perSec, threshold: t.evictedPerSecMax,
    remediation: 'The cache is too small for its working set: raise maxmemory, shorten TTLs of cold data, or shrink big values.',
  };
};

const slowCommands: Rule = ({ slowEntries: all }, t) => {
  // Redlens's own SCANs and reads are not the application's slow commands (SPEC section 8).
  const slowEntries = all.filter((entry) => !isOwnClientName(entry.clientName));
  const flagged = new Map<string, number>();
  for (const entry of slowEntries) {
    const warning = warningFor(entry.args);
    if (warning) flagged.set(warning.pattern, (flagged.get(warning.pattern) ?? 0) + 1);
  }
  if (flagged.size === 0) return null;
  const list = [...flagged].map(([pattern, count]) => `${pattern} ×${count}`).join(', ');
  const first = warningFor(slowEntries.find((entry) => warningFor(entry.args))!.args)!;
  return {
    id: 'slow-commands', severity: 'warning', title: 'Commands the guide warns about are in the slow log',
    detail: `In the last ${t.slowCommandsWindowMinutes} min: ${list}.`,
    value: [...flagged.values()].reduce((a, b) => a + b, 0), threshold: 0,
    remediation: `${first.advice} The slow log page lists each call with its client.`,
  };
};

const latencyHigh: Rule = ({ pingP95Ms }, t) => {
  if (pingP95Ms === null || pingP95Ms <= t.latencyP95MsMax) return null;
  return {
    id: 'latency-high', severity: 'warning', title: 'Redis answers slowly',
    detail: `p95 of Redlens's PING round trips is ${pingP95Ms.toFixed(2)} ms (target < ${t.latencyP95MsMax} ms).`,
    value: pingP95Ms, threshold: t.latencyP95MsMax,
    remediation: 'Look for slow commands in the slow log, a saturated CPU or network, swapping, or a fork (BGSAVE) on a big dataset.',
  };
};

const blockedClients: Rule = ({ blockedHistory }, t) => {
  const recent = blockedHistory.slice(-t.blockedClientsSamples);
  if (recent.length < t.blockedClientsSamples || recent.some((count) => count === 0)) return null;
  const now = recent[recent.length - 1]!;
  return {
    id: 'blocked-clients', severity: 'warning', title: 'Clients stay blocked',
    detail: `${now} client(s) blocked (BLPOP, XREAD, WAIT...) for ${recent.length} samples in a row.`,
    value: now, threshold: 0,
    remediation: 'Check that producers still feed the lists or streams these clients wait on, and that blocking calls have a timeout.',
  };
};

const persistenceFailing: Rule = ({ info }) => {
  if (!info) return null;
  const { rdbLastBgsaveOk, aofEnabled, aofLastWriteOk } = info.persistence;
  const failures = [...(rdbLastBgsaveOk ? [] : ['the last RDB save failed']), ...(aofEnabled && !aofLastWriteOk ? ['the last AOF write failed'] : [])];
  if (failures.length === 0) return null;
  return {
    id: 'persistence-failing', severity: 'critical', title: 'Persistence is failing',
    detail: `${failures.join(' and ')} (rdb_last_bgsave_status / aof_last_write_status).`,
    value: null, threshold: null,
    remediation: 'Read the Redis log: usually a full disk, wrong permissions on dir, or fork failing for lack of memory (vm.overcommit_memory=1).',
  };
};

const replicationBroken: Rule = ({ info }, t) => {
  const primary = info?.replication.primary;
  if (!primary) return null;
  const lagging = primary.lastIoSecondsAgo > t.replicationLagSecondsMax;
  if (primary.linkUp && !lagging) return null;
  return {
    id: 'replication-broken', severity: 'critical', title: 'Replication is broken',
    detail: primary.linkUp
      ? `No data from primary ${primary.host}:${primary.port} for ${primary.lastIoSecondsAgo} s (limit ${t.replicationLagSecondsMax} s).`
      : `The link to primary ${primary.host}:${primary.port} is down${primary.syncInProgress ? ' (sync in progress)' : ''}.`,
    value: primary.lastIoSecondsAgo, threshold: t.replicationLagSecondsMax,
    remediation: 'Check that the primary is up and reachable from the replica, masterauth, and the replication backlog size.',
  };
};

/** Events of `kind` within the last EVENT_FINDING_MS, oldest first. */
function eventsOfLastHour({ recentEvents, now }: HealthInput, kind: InstanceEvent['kind']): InstanceEvent[] {
  const within = (at: number) => at > now - EVENT_FINDING_MS && at <= now;
  return recentEvents.filter((event) => event.kind === kind && within(event.at));
}

/** A field of an event's before/after object; undefined when the value is not such an object. */
function field(value: EventValue | undefined, name: string): string | number | boolean | null | undefined {
  return value !== null && typeof value === 'object' ? value[name] : undefined;
}

const numberField = (value: EventValue | undefined, name: string): number | null => {
  const figure = field(value, name);
  return typeof figure === 'number' && Number.isFinite(figure) ? figure : null;
};

const dataLossOnRestart: Rule = (input, t) => {
  // The latest restart that lost at least half of a dataset worth speaking of.
  const losses = eventsOfLastHour(input, 'restart').flatMap((event) => {
    const before = numberField(event.before, 'keys');
    const after = numberField(event.after, 'keys');
    if (before === null || after === null || before < t.dataLossKeysMin || after >= before * 0.5) return [];
    return [{ event, before, after }];
  });
  const loss = losses[losses.length - 1];
  if (!loss) return null;
  const { event, before, after } = loss;
  const uptime = numberField(event.after, 'uptimeSeconds');
  return {
    id: 'data-loss-on-restart', severity: 'critical', title: 'Redis restarted and lost its data',
    detail:
      `Redis restarted at ${clock(event.at)}${uptime === null ? '' : ` (up ${count(uptime)} s)`}: ${count(after)} keys after it, ` +
      `${count(before)} before: ${pct(1 - after / before)} of the keys are gone.`,
    value: after / before, threshold: 0.5,
    remediation: 'Check why it restarted (Redis log, OOM killer) and whether RDB/AOF persistence is on and its files load; warm or restore the data.',
  };
};

const oomErrors: Rule = ({ window, info }) => {
  if (!window || window.oomErrors <= 0) return null;
  const limit = info?.memory.maxmemoryBytes ? `maxmemory ${mib(info.memory.maxmemoryBytes)}, policy ${info.memory.policy}` : null;
  return {
    id: 'oom-errors', severity: 'critical', title: 'Redis refuses writes: out of memory',
    detail: `${count(window.oomErrors)} command(s) refused with OOM over the last ${Math.round(window.seconds)} s${limit ? ` (${limit})` : ''}.`,
    value: window.oomErrors, threshold: 0,
    remediation: 'Raise maxmemory if the host has room, use an evicting policy (allkeys-lru) on a cache, or delete and expire keys.',
  };
};

const rejectedConnections: Rule = ({ window, info }) => {
  if (!window || window.rejectedConnections <= 0) return null;
  const clients = info ? ` (${count(info.clients.connected)} connected, maxclients ${count(info.clients.max)})` : '';
  return {
    id: 'rejected-connections', severity: 'critical', title: 'Redis refuses connections: maxclients reached',
    detail: `${count(window.rejectedConnections)} connection(s) refused over the last ${Math.round(window.seconds)} s${clients}.`,
    value: window.rejectedConnections, threshold: 0,
    remediation: 'Find who holds the connections (the clients page, CLIENT LIST): fix a leaking pool, or raise maxclients and the file limit.',
  };
};

const configChanged: Rule = (input) => {
  // Per setting, its value before the first change of the hour and after the last one.
  const settings = new Map<string, { before: unknown; after: unknown; at: number }>();
  for (const event of eventsOfLastHour(input, 'config-change')) {
    const after = event.after !== null && typeof event.after === 'object' ? event.after : {};
    for (const [name, value] of Object.entries(after)) {
      const earlier = settings.get(name);
      settings.set(name, { before: earlier ? earlier.before : field(event.before, name), after: value, at: event.at });
    }
  }
  if (settings.size === 0) return null;
  const shown = (value: unknown) => (value === undefined || value === null ? '?' : value === '' ? '""' : String(value));
  const list = [...settings].map(([name, { before, after, at }]) => `${name} ${shown(before)} -> ${shown(after)} (${clock(at)})`);
  return {
    id: 'config-changed', severity: 'info', title: 'Redis settings changed in the last hour',
    detail: `${list.join('; ')}.`,
    value: settings.size, threshold: null,
    remediation: 'Check each change was meant (the audit log lists those made through Redlens); persist it in redis.conf (CONFIG REWRITE) or revert it.',
  };
};

export const RULES: readonly Rule[] = [
  instanceDown, hitRatioLow, fragmentationHigh, clientsHigh, memoryNearLimit, maxmemoryUnset,
  evictionsHigh, slowCommands, latencyHigh, blockedClients, persistenceFailing, replicationBroken,
  dataLossOnRestart, oomErrors, rejectedConnections, configChanged,
];

export function evaluateHealth(input: HealthInput, thresholds: Thresholds): RuleResult[] {
  return RULES.map((rule) => rule(input, thresholds)).filter((result): result is RuleResult => result !== null);
}

export function overallStatus(findings: Pick<Finding, 'severity'>[]): 'ok' | 'warning' | 'critical' {
  if (findings.some((finding) => finding.severity === 'critical')) return 'critical';
  return findings.some((finding) => finding.severity === 'warning') ? 'warning' : 'ok';
}
