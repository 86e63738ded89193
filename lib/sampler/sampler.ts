// The sampler: every sampleIntervalSeconds, per instance, INFO (all sections), a few PINGs and
// the new slow log entries; one history row; the health rules; findings opened and closed.
// One per server process, started from instrumentation.ts.
import 'server-only';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type Redis from 'ioredis';
import type { InfoSections } from '@/lib/api/types';
import type { RedlensConfig } from '@/lib/config/schema';
import { detectEvents, FRESH_MEMORY, type DetectorMemory, type Observation, type SlowlogFacts } from '@/lib/events/detect';
import type { InstanceEvent } from '@/lib/events/types';
import type { FindingsStore, SyncResult } from '@/lib/health/findings-store';
import { evaluateHealth, overallStatus } from '@/lib/health/rules';
import type { HistoryStore } from '@/lib/history/history-store';
import type { CounterDelta, Finding, HealthResponse } from '@/lib/health/types';
import { hitRatio } from '@/lib/hit-ratio';
import type { RecentRates } from '@/lib/api/types';
import { commandRates, NO_WINDOW } from '@/lib/commands/rates';
import { commandsSnapshotOf, type CommandsSnapshot } from '@/lib/commands/snapshot';
import type { CommandsResponse } from '@/lib/commands/types';
import { METRICS, type SampleRow } from '@/lib/history/types';
import { deriveInfo } from '@/lib/redis/derive-info';
import { readInfo } from '@/lib/redis/info';
import { pingRoundTrips } from '@/lib/redis/latency';
import { runIdOf } from '@/lib/redis/parse/parse-info';
import { SlowlogParseError, type SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import type { OwnCounts, OwnTraffic } from '@/lib/redis/own-traffic';
import { hostPort, type RedisInstance } from '@/lib/redis/registry';
import { readNewSlowlog, slowlogLength } from '@/lib/redis/slowlog';
import { countersOf, deltaBetween, downRow, infoUnavailableRow, percentile, sampleRow, type CounterSnapshot } from './compute-sample';
import { INFO_UNAVAILABLE_FINDING, isInfoUnavailable } from './info-unavailable';
import { factsOf, slowlogFactsOf } from './observation';
import { configGet } from '@/lib/redis/config';
import { pickWatchedSettings } from '@/lib/config-audit/watched';
import type { ClusterView } from '@/lib/api/cluster';
import { detectClusterEvents, FRESH_CLUSTER_MEMORY, type ClusterMemory } from '@/lib/events/detect-cluster';
import { evaluateClusterHealth } from '@/lib/health/cluster-rules';
import { clusterRecentRates, clusterRow } from './cluster-sample';

const PINGS_PER_SAMPLE = 5;
/** Rates in the health rules span about this long, so one quiet sample does not flap them. */
const RULE_WINDOW_MS = 60_000;
/**
 * New entries one sample reads at most (Redis keeps at most 32 arguments of 128 bytes each, so
 * about 4 KiB an entry at worst); more than this between two samples is recorded as a gap.
 */
export const SLOWLOG_READ_MAX = 10_000;
/** Entries one archive transaction writes at most. */
const SLOWLOG_WRITE_SLICE = 1000;
const PRUNE_EVERY_MS = 10 * 60_000;
/** Events the rules may look back on (data-loss-on-restart and config-changed last an hour). */
const RECENT_EVENTS_MS = 60 * 60_000;
/** The watched settings (config-change events) are read this often (SPEC section 9: every minute). */
const SETTINGS_EVERY_MS = 60_000;

/** Where new slow log entries go (the archive); see lib/slowlog/archive.ts. */
export interface SlowlogSink {
  lastId(instance: string, runId: string): number | null;
  write(instance: string, runId: string, entries: SlowlogEntry[], afterId: number | null): unknown;
}

/** Where events go (lib/events/events-store.ts). */
export interface EventSink {
  record(instance: string, events: InstanceEvent[]): void;
  list(instance: string, from: number, to: number, limit: number): { events: InstanceEvent[] };
}

interface InstanceState {
  busy: boolean;
  /** Over just over one rule window; `commands` is what the commands page's rates need of each sample. */
  snapshots: Array<{ ts: number; counters: CounterSnapshot; pings: number[]; commands: CommandsSnapshot }>;
  blocked: number[];
  slow: { runId: string; lastId: number; recent: SlowlogEntry[] };
  sections: InfoSections | null;
  /** Redis answered PING but refused INFO (renamed or denied) in the last sample. */
  infoUnavailable: boolean;
  row: SampleRow | null;
  health: HealthResponse | null;
  /** Events of the last RECENT_EVENTS_MS, oldest first, for the rules that last after one. */
  recentEvents: InstanceEvent[];
  /** The application's commands, hits and misses (own traffic out) summed over every delta since Redlens started: Prometheus counters. */
  appTotals: OwnCounts;
  /** What the event detector remembers of the earlier samples. */
  detector: DetectorMemory;
  /** When the watched settings were last asked for (null: never). */
  settingsReadAt: number | null;
}

export interface SamplerDeps {
  instances: () => RedisInstance[];
  history: HistoryStore;
  findings: FindingsStore;
  config: Pick<RedlensConfig, 'sampleIntervalSeconds' | 'thresholds' | 'retention'>;
  now?: () => number;
  slowlog?: SlowlogSink;
  events?: EventSink;
  /** Marks of the slow log resets Redlens did (lib/slowlog/reset-marks.ts), so they are not taken for someone else's. */
  slowlogResets?: { mark(instance: string): number | null };
  /** Prunes the store every PRUNE_EVERY_MS (history, findings, slow log archive, audit). */
  retention: { run(now: number): Promise<unknown> };
  /**
   * Told of the findings each sample opened and closed (lib/delivery/alerts.ts queues a webhook
   * POST each). Must return at once: it runs inside the sample.
   */
  onFindings?: (instance: string, at: number, opened: readonly Finding[], closed: SyncResult['closed']) => void;
}

/** What the sampler keeps of a Redis Cluster instance besides its row and health. */
interface ClusterState {
  /** What the event detector remembers of the earlier discoveries (the last view). */
  memory: ClusterMemory;
  /** The whole's rates over the rule window, from its nodes' (lib/sampler/cluster-sample.ts). */
  rates: RecentRates | null;
}

/** The last slow log entry archived, for fetching only what is new. */
interface SlowlogCursor {
  runId: string;
  lastId: number;
}

async function readInstance(client: Redis, seen: SlowlogCursor, traffic: OwnTraffic, readSettings: boolean) {
  // INFO renamed (`rename-command INFO ""`) or denied by ACL: Redis is up all the same.
  const sections = await readInfo(client).catch((error: unknown) => {
    if (isInfoUnavailable(error)) return null;
    throw error;
  });
  // Our own commands as of INFO's reply: what INFO counted of ours, give or take those in flight.
  const own = traffic.snapshot();
  const ownCalls = traffic.callsByCommand();
  const pings = await pingRoundTrips(client, PINGS_PER_SAMPLE);
  // Without INFO there is no run_id to key the archive by (ids start again after a restart),
  // so the slow log waits for INFO. A least-privilege user may lack SLOWLOG: the rest of the
  // sample still counts. After a restart (new run_id) the cursor only counts for the same run.
  if (sections === null) return { sections, own, ownCalls, pings, slowlog: null, slowlogLength: null, settings: null };
  const sameRun = runIdOf(sections) === seen.runId;
  const slowlog = await readNewSlowlog(client, sameRun ? seen.lastId : -1, SLOWLOG_READ_MAX).catch((error: unknown) => {
    // Not a refusal but a reply that does not parse: say so, and sample the rest.
    if (error instanceof SlowlogParseError) console.error('[redlens] the slow log reply does not parse:', error);
    return null;
  });
  // After the entries, so one logged in between makes the length larger, never a false reset.
  const length = slowlog ? await slowlogLength(client).catch(() => null) : null;
  // A denied or renamed CONFIG means no config-change events, never a failed sample.
  const settings = readSettings ? await configGet(client, '*').then(pickWatchedSettings, () => null) : null;
  return { sections, own, ownCalls, pings, slowlog, slowlogLength: length, settings };
}

export class Sampler {
  private readonly states = new Map<string, InstanceState>();
  private readonly clusters = new Map<string, ClusterState>();
  private timer: NodeJS.Timeout | null = null;
  private lastPrune = 0;
  private readonly now: () => number;

  constructor(private readonly deps: SamplerDeps) {
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.deps.config.sampleIntervalSeconds * 1000);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One round over every instance. Never rejects: a failed sample (a full disk, a reply that
   * does not parse) is logged and the next tick tries again, and the server keeps running. */
  async tick(): Promise<void> {
    // A cluster's nodes are sampled by the cluster's own sample, just before its whole is summed.
    await Promise.all(
      this.deps.instances().filter((instance) => !instance.memberOf).map((instance) =>
        this.sample(instance).catch((error: unknown) => console.error(`[redlens] sampling ${instance.id} failed:`, error)),
      ),
    );
    const now = this.now();
    if (now - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now;
      // In chunks between requests (lib/store/retention.ts); not awaited, so a long first prune
      // after an upgrade never delays the next samples.
      this.deps.retention.run(now).catch((error: unknown) => console.error('[redlens] pruning the store failed:', error));
    }
  }

  private state(id: string): InstanceState {
    let state = this.states.get(id);
    if (!state) {
      state = {
        busy: false, snapshots: [], blocked: [], slow: { runId: '', lastId: -1, recent: [] },
        sections: null, infoUnavailable: false, row: null, health: null, recentEvents: this.storedRecentEvents(id),
        appTotals: { commands: 0, hits: 0, misses: 0 }, detector: FRESH_MEMORY, settingsReadAt: null,
      };
      this.states.set(id, state);
    }
    return state;
  }

  /** Takes one sample of one instance; a sample still running is not started twice. */
  async sample(instance: RedisInstance): Promise<void> {
    if (instance.topology) return this.sampleCluster(instance);
    const state = this.state(instance.id);
    if (state.busy) return;
    state.busy = true;
    // Stamped on the interval grid: a timer firing a little late or early must not leave a
    // chart bucket empty (a false gap) or put two samples in one.
    const intervalMs = this.deps.config.sampleIntervalSeconds * 1000;
    const ts = Math.round(this.now() / intervalMs) * intervalMs;
    try {
      let down: string | null = null;
      let infoUnavailable = false;
      let sections: InfoSections | null = null;
      let own: OwnCounts = instance.traffic.snapshot();
      let ownCalls: ReadonlyMap<string, number> = new Map();
      let pings: number[] = [];
      let slowlog: SlowlogEntry[] | null = null;
      let slowlogFacts: SlowlogFacts | null = null;
      let settings: Record<string, string> | null = null;
      // A Sentinel instance's master moves: the server that answered tells a failover from a restart.
      let server: string | null | undefined;
      const readSettings = state.settingsReadAt === null || ts - state.settingsReadAt >= SETTINGS_EVERY_MS;
      if (readSettings) state.settingsReadAt = ts;
      try {
        const reply = await instance.run(async (client) => ({
          ...(await readInstance(client, state.slow, instance.traffic, readSettings)),
          server: client.stream?.remoteAddress ? hostPort({ host: client.stream.remoteAddress, port: client.stream.remotePort ?? 0 }) : null,
        }));
        infoUnavailable = reply.sections === null;
        sections = reply.sections;
        own = reply.own;
        ownCalls = reply.ownCalls;
        pings = reply.pings;
        slowlog = reply.slowlog;
        settings = reply.settings;
        if (instance.sentinel) server = reply.server;
        // The mark is read after SLOWLOG LEN: a reset by Redlens that emptied it has changed it.
        if (slowlog && reply.slowlogLength !== null) slowlogFacts = slowlogFactsOf(slowlog, reply.slowlogLength, this.deps.slowlogResets?.mark(instance.id) ?? null);
      } catch (error) {
        down = error instanceof Error ? error.message : 'Redis did not answer';
      }
      const row = sections
        ? this.upRow(instance.id, ts, sections, own, ownCalls, pings, state)
        : infoUnavailable
          ? infoUnavailableRow(instance.id, ts, METRICS, pings)
          : downRow(instance.id, ts, METRICS);
      if (!sections) state.snapshots = [];
      if (sections && slowlog) await this.takeSlowlog(instance.id, sections, slowlog, state);
      state.sections = sections;
      state.infoUnavailable = infoUnavailable;
      state.row = row;
      this.deps.history.record([row]);
      // Before the rules: data-loss-on-restart and config-changed read this sample's events.
      // The counters upRow has just taken of this INFO.
      const counters = state.snapshots[state.snapshots.length - 1]?.counters;
      const observation: Observation = sections && counters
        ? { at: ts, answer: 'up', facts: factsOf(sections, counters, settings, slowlogFacts, server) }
        : infoUnavailable ? { at: ts, answer: 'no-info' } : { at: ts, answer: 'down', error: down ?? 'Redis did not answer' };
      const detected = detectEvents(state.detector, observation, { dataLossKeysMin: this.deps.config.thresholds.dataLossKeysMin });
      state.detector = detected.memory;
      this.noteEvents(instance.id, ts, detected.events);
      this.evaluate(instance.id, ts, down, sections, state, instance.traffic.connections);
    } finally {
      state.busy = false;
    }
  }

  /**
   * One sample of a Redis Cluster instance, which has no server of its own: its topology asked
   * again (CLUSTER NODES and CLUSTER INFO of one node), each node sampled as an instance of its
   * own (history, findings, slow log per node), then the whole summed from the nodes' rows of
   * this tick (no INFO of its own), its state judged (cluster-state-fail, slots-not-covered,
   * node-failed) and a failover between two discoveries recorded as a role-change.
   */
  private async sampleCluster(instance: RedisInstance): Promise<void> {
    const topology = instance.topology!;
    const state = this.state(instance.id);
    if (state.busy) return;
    state.busy = true;
    const intervalMs = this.deps.config.sampleIntervalSeconds * 1000;
    const ts = Math.round(this.now() / intervalMs) * intervalMs;
    try {
      const cluster = this.clusters.get(instance.id) ?? { memory: FRESH_CLUSTER_MEMORY, rates: null };
      this.clusters.set(instance.id, cluster);
      let view: ClusterView | null = null;
      let down: string | null = null;
      try {
        view = await topology.refresh();
      } catch (error) {
        down = error instanceof Error ? error.message : 'No node of the cluster answered.';
      }
      // Every node known (the last view's when no node answered now): a down node is recorded as down.
      await Promise.all(topology.known().map((node) =>
        this.sample(node).catch((error: unknown) => console.error(`[redlens] sampling ${node.id} failed:`, error)),
      ));
      const members = (view ?? cluster.memory.view)?.nodes ?? [];
      const row = clusterRow(instance.id, ts, members.map((node) => ({ role: node.role, row: this.states.get(node.instanceId)?.row ?? null })), view !== null);
      cluster.rates = view ? clusterRecentRates(members.map((node) => ({ role: node.role, rates: this.recentRates(node.instanceId) }))) : null;
      state.row = row;
      this.deps.history.record([row]);
      const detected = detectClusterEvents(cluster.memory, ts, view, down);
      cluster.memory = detected.memory;
      this.noteEvents(instance.id, ts, detected.events);
      const { findingOpenSamples, findingCloseSamples } = this.deps.config.thresholds;
      const { active, opened, closed } = this.deps.findings.sync(instance.id, ts, evaluateClusterHealth(view, down), {
        frozen: view === null,
        openAfter: findingOpenSamples,
        closeAfter: findingCloseSamples,
      });
      this.noteFindingEvents(instance.id, ts, opened, closed);
      state.health = { status: overallStatus(active), findings: active, evaluatedAt: ts };
    } finally {
      state.busy = false;
    }
  }

  /** The last topology a cluster's sample discovered; null for any other instance and before it. */
  clusterView(id: string): ClusterView | null {
    return this.clusters.get(id)?.memory.view ?? null;
  }

  private upRow(id: string, ts: number, sections: InfoSections, own: OwnCounts, ownCalls: ReadonlyMap<string, number>, pings: number[], state: InstanceState): SampleRow {
    const counters = countersOf(sections, ts, own);
    const previous = state.snapshots[state.snapshots.length - 1];
    const delta = deltaBetween(previous?.counters ?? null, counters);
    const row = sampleRow(id, ts, sections, delta, pings);
    if (delta) {
      state.appTotals.commands += delta.commands;
      state.appTotals.hits += delta.hits;
      state.appTotals.misses += delta.misses;
    }
    state.snapshots.push({ ts, counters, pings, commands: commandsSnapshotOf(sections, ownCalls, counters) });
    // Keep just over one rule window of snapshots.
    while (state.snapshots.length > 2 && state.snapshots[1]!.ts <= ts - RULE_WINDOW_MS) state.snapshots.shift();
    state.blocked = [...state.blocked, row.values.blockedClients ?? 0].slice(-this.deps.config.thresholds.blockedClientsSamples);
    return row;
  }

  private async takeSlowlog(id: string, sections: InfoSections, entries: SlowlogEntry[], state: InstanceState): Promise<void> {
    const runId = runIdOf(sections) ?? '';
    // Ids restart with Redis: for a new run_id, start from what the archive already holds.
    if (state.slow.runId !== runId) state.slow = { runId, lastId: this.deps.slowlog?.lastId(id, runId) ?? -1, recent: [] };
    const fresh = entries.filter((entry) => entry.id > state.slow.lastId).reverse();
    // A burst is written in slices, yielding between them, so a sample of thousands of new
    // entries does not hold the event loop in one transaction.
    for (let start = 0; start < fresh.length; start += SLOWLOG_WRITE_SLICE) {
      const slice = fresh.slice(start, start + SLOWLOG_WRITE_SLICE);
      this.deps.slowlog?.write(id, runId, slice, state.slow.lastId >= 0 ? state.slow.lastId : null);
      state.slow.lastId = slice[slice.length - 1]!.id;
      if (start + SLOWLOG_WRITE_SLICE < fresh.length) await yieldToEventLoop();
    }
    const windowStart = this.now() / 1000 - this.deps.config.thresholds.slowCommandsWindowMinutes * 60;
    state.slow.recent = [...state.slow.recent, ...fresh].filter((entry) => entry.timestamp >= windowStart).slice(-1000);
  }

  /** Counter deltas over the rule window (about the last minute), own traffic out; null without two samples. */
  private windowOf(state: InstanceState): CounterDelta | null {
    const first = state.snapshots[0];
    const last = state.snapshots[state.snapshots.length - 1];
    return first && last && first !== last ? deltaBetween(first.counters, last.counters) : null;
  }

  private evaluate(id: string, ts: number, down: string | null, sections: InfoSections | null, state: InstanceState, ownConnections: number): void {
    const window = this.windowOf(state);
    const results = evaluateHealth(
      {
        down,
        info: sections ? deriveInfo(sections) : null,
        window,
        // The window's first snapshot is only the base of the deltas; its pings are older.
        pingP95Ms: percentile((window ? state.snapshots.slice(1) : state.snapshots).flatMap((s) => s.pings), 0.95),
        blockedHistory: state.blocked,
        slowEntries: state.slow.recent,
        recentEvents: state.recentEvents,
        ownConnections,
        now: ts,
      },
      this.deps.config.thresholds,
    );
    // Not a health rule of INFO figures (there are none): the sampler itself could not read them.
    if (state.infoUnavailable) results.push(INFO_UNAVAILABLE_FINDING);
    const { findingOpenSamples, findingCloseSamples } = this.deps.config.thresholds;
    const { active, opened, closed } = this.deps.findings.sync(id, ts, results, {
      frozen: down !== null || state.infoUnavailable,
      openAfter: findingOpenSamples,
      closeAfter: findingCloseSamples,
    });
    this.noteFindingEvents(id, ts, opened, closed);
    state.health = { status: overallStatus(active), findings: active, evaluatedAt: ts };
  }

  private noteFindingEvents(id: string, ts: number, opened: Finding[], closed: SyncResult['closed']): void {
    if (opened.length > 0 || closed.length > 0) {
      try {
        this.deps.onFindings?.(id, ts, opened, closed);
      } catch (error) {
        console.error(`[redlens] telling of ${id}'s findings failed:`, error);
      }
    }
    this.noteEvents(id, ts, [
      ...opened.map((f): InstanceEvent => ({ at: ts, kind: 'finding-opened', title: `Opened: ${f.title}`, detail: f.detail })),
      ...closed.map((f): InstanceEvent => ({ at: ts, kind: 'finding-closed', title: `Closed: ${f.title}`, detail: `Active from ${new Date(f.startedAt).toISOString()}.` })),
    ]);
  }

  /**
   * The last hour's events from the store, oldest first, when Redlens starts: a restart with data
   * loss or a config change just before keeps its finding for the rest of its hour.
   */
  private storedRecentEvents(id: string): InstanceEvent[] {
    const now = this.now();
    try {
      return (this.deps.events?.list(id, now - RECENT_EVENTS_MS, now, 1000).events ?? []).reverse();
    } catch (error) {
      console.error(`[redlens] reading the recent events of ${id} failed:`, error);
      return [];
    }
  }

  /** Stores events and keeps the last hour's for the rules. */
  private noteEvents(id: string, now: number, events: InstanceEvent[]): void {
    const state = this.state(id);
    if (events.length > 0) this.deps.events?.record(id, events);
    state.recentEvents = [...state.recentEvents, ...events].filter((event) => event.at > now - RECENT_EVENTS_MS);
  }

  /**
   * The application's rates over the rule window (about the last minute; own traffic out): what
   * the fleet card and the instance header show, beside how long the window was.
   */
  recentRates(id: string): RecentRates | null {
    // A cluster's: summed from its nodes' at its last sample.
    const cluster = this.clusters.get(id);
    if (cluster) return cluster.rates;
    const state = this.states.get(id);
    const window = state ? this.windowOf(state) : null;
    if (!window) return null;
    return {
      windowSeconds: window.seconds,
      hitRatio: hitRatio(window.hits, window.misses),
      lookups: window.hits + window.misses,
      opsPerSec: window.commands / window.seconds,
      evictedPerSec: window.evicted / window.seconds,
    };
  }

  /**
   * The application's commands over the rule window (own calls out), from the INFO of the
   * window's first and last samples: the commands page costs Redis no INFO of its own.
   */
  commandRates(id: string): CommandsResponse {
    const snapshots = this.states.get(id)?.snapshots ?? [];
    const first = snapshots[0];
    const last = snapshots[snapshots.length - 1];
    return first && last && first !== last ? commandRates(first.commands, last.commands) : NO_WINDOW;
  }

  /**
   * The PING round trips of the rule window (the ones the latency-high rule judges), and how long
   * the window is; null before the first sample.
   */
  pingWindow(id: string): { seconds: number; pingsMs: number[] } | null {
    const state = this.states.get(id);
    if (!state || state.snapshots.length === 0) return null;
    const window = this.windowOf(state);
    // As in evaluate: the first snapshot is only the base of the deltas, its pings are older.
    const snapshots = window ? state.snapshots.slice(1) : state.snapshots;
    return { seconds: window?.seconds ?? 0, pingsMs: snapshots.flatMap((snapshot) => snapshot.pings) };
  }

  health(id: string): HealthResponse {
    return this.states.get(id)?.health ?? { status: 'ok', findings: [], evaluatedAt: null };
  }

  /**
   * The latest INFO and row of an instance, for the Prometheus export; `infoUnavailable` when
   * Redis answered without INFO; `appTotals` the application's counters (own traffic out).
   */
  latest(id: string): { sections: InfoSections | null; row: SampleRow | null; health: HealthResponse; infoUnavailable: boolean; appTotals: OwnCounts } {
    const state = this.states.get(id);
    return {
      sections: state?.sections ?? null, row: state?.row ?? null, health: this.health(id),
      infoUnavailable: state?.infoUnavailable ?? false, appTotals: { ...(state?.appTotals ?? { commands: 0, hits: 0, misses: 0 }) },
    };
  }
}


