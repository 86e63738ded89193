// The slow log of a Redis Cluster instance (SPEC section 6): each node keeps its own, so the
// cluster's is every node's read (each node's shared read, the one its own page polls) and merged
// newest first with the node beside each entry; "Reset all nodes" is the archive-first reset of
// each node (lib/slowlog/live.ts), each node audited on its own with its outcome.
import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { finishAudit, recordAudit, type NewAuditEntry } from '@/lib/audit/audit-log';
import type { ClusterMember, RedisInstance } from '@/lib/redis/registry';
import type { Store } from '@/lib/store/sqlite';
import { storeWriteFailed } from '@/lib/store/write-failure';
import { rankFingerprints } from './analysis';
import type { SlowlogArchive } from './archive';
import { archiveAndReset, LIVE_ENTRIES, readSlowlog } from './live';
import { SlowlogResetError } from './reset-error';
import type { ResetEventSink } from './reset-event';
import type {
  ClusterNodeResetResult, ClusterSlowlogNode, ClusterSlowlogResetResponse, SlowlogConfig, SlowlogEntryView, SlowlogNodeRef, SlowlogResponse,
} from './types';


/**
 * The nodes whose archives make the cluster's: those of the current view, or when no node answers
 * (the archive is Redlens's own store, readable while Redis is down) the last ones known.
 */
export async function clusterNodeRefs(cluster: RedisInstance): Promise<SlowlogNodeRef[]> {
  const topology = cluster.topology!;
  await topology.current().catch(() => undefined);
  return topology.known().map((instance) => ({ instanceId: instance.id, address: topology.nodeOf(instance)?.address ?? instance.address }));
}

/** A value every node that answered agrees on, or null when they differ (or none said). */
function agreed(values: Array<number | null>): number | null {
  const first = values[0] ?? null;
  return values.every((value) => value === first) ? first : null;
}

/** Each node's warnings, one line per distinct warning with the nodes that have it. */
function mergedWarnings(read: Array<{ address: string; config: SlowlogConfig }>): string[] {
  const byText = new Map<string, string[]>();
  for (const { address, config } of read) {
    for (const warning of config.warnings) byText.set(warning, [...(byText.get(warning) ?? []), address]);
  }
  return [...byText].map(([warning, addresses]) =>
    `${warning} (${addresses.length === read.length && read.length > 1 ? 'every node' : addresses.join(', ')})`);
}

const newestFirst = (a: SlowlogEntryView, b: SlowlogEntryView) =>
  b.timestamp - a.timestamp || (a.node?.address ?? '').localeCompare(b.node?.address ?? '') || b.id - a.id;

/**
 * Every node's live slow log merged newest first, the LIVE_ENTRIES newest kept. A node that
 * cannot be read is listed with why in `nodes` and the others still show; only when none can be
 * read does the answer fail (with the first node's error).
 */
export async function readClusterSlowlog(cluster: RedisInstance): Promise<SlowlogResponse> {
  const nodes = await cluster.topology!.members();
  const reads = await Promise.allSettled(nodes.map((node) => readSlowlog(node.instance)));
  const read: Array<{ address: string; config: SlowlogConfig }> = [];
  const entries: SlowlogEntryView[] = [];
  const listed: ClusterSlowlogNode[] = nodes.map((node, i) => {
    const outcome = reads[i]!;
    const ref = { address: node.address, instanceId: node.instance.id };
    if (outcome.status === 'rejected') {
      const reason = outcome.reason as unknown;
      return { ...ref, role: node.role, length: null, error: reason instanceof Error ? reason.message : String(reason) };
    }
    for (const entry of outcome.value.entries) entries.push({ ...entry, node: ref });
    read.push({ address: node.address, config: outcome.value.config });
    return { ...ref, role: node.role, length: outcome.value.length, error: null };
  });
  if (read.length === 0 && reads[0]?.status === 'rejected') throw reads[0].reason;
  entries.sort(newestFirst);
  if (entries.length > LIVE_ENTRIES) entries.length = LIVE_ENTRIES;
  const config: SlowlogConfig = {
    slowerThanMicros: agreed(read.map(({ config: of }) => of.slowerThanMicros)),
    maxLen: agreed(read.map(({ config: of }) => of.maxLen)),
    warnings: mergedWarnings(read),
  };
  const length = listed.reduce((sum, node) => sum + (node.length ?? 0), 0);
  return { entries, length, config, analysis: rankFingerprints(entries), nodes: listed };
}

/** Who asked for "Reset all nodes": each node's audit entry says so. */
export interface ResetAllBy {
  actor: string;
  role: NewAuditEntry['role'];
  address: string;
  events: ResetEventSink;
  store: Store;
}

/** The audit action of each node's reset: the same as a reset from the node's own page. */
export const NODE_RESET_AUDIT_ACTION = 'slowlog.reset';

function failureOf(error: unknown, node: ClusterMember): Pick<ClusterNodeResetResult, 'redisReset' | 'error'> {
  if (ApiError.is(error)) {
    // A typed field, never instanceof (Next bundles a module once per chunk).
    const redisReset = (error as Partial<SlowlogResetError>).redisReset === true;
    return { redisReset, error: { code: error.code, message: error.message } };
  }
  console.error(`[redlens] slow log reset of cluster node ${node.instance.id} failed:`, error);
  return { redisReset: false, error: { code: 'INTERNAL', message: 'The reset failed; the Redlens server log has the details.' } };
}

/**
 * One node's reset, audited as a reset from its own page would be: a `pending` entry first (when
 * it cannot be written this node is not reset), then the outcome.
 */
async function resetNode(node: ClusterMember, archive: SlowlogArchive, by: ResetAllBy): Promise<ClusterNodeResetResult> {
  const ref = { address: node.address, instanceId: node.instance.id, role: node.role };
  let auditId: number;
  try {
    auditId = recordAudit(by.store, {
      actor: by.actor, role: by.role, address: by.address, instance: node.instance.id, action: NODE_RESET_AUDIT_ACTION,
      target: null, outcome: 'pending', detail: 'Reset all nodes of the cluster',
    });
  } catch (error) {
    const refused = storeWriteFailed(error, 'audit before a cluster node slow log reset');
    return { ...ref, outcome: 'failed', archived: null, redisReset: false, error: { code: refused.code, message: refused.message } };
  }
  const finish = (outcome: 'ok' | 'failed', target: string | null, detail: string | null) => {
    try {
      finishAudit(by.store, auditId, { outcome, target, detail });
    } catch (error) {
      storeWriteFailed(error, 'audit outcome after a cluster node slow log reset (its entry is left pending)');
    }
  };
  try {
    const { archived } = await archiveAndReset(node.instance, archive, { actor: by.actor, events: by.events });
    finish('ok', `${archived} entries archived`, 'Reset all nodes of the cluster');
    return { ...ref, outcome: 'reset', archived, redisReset: true, error: null };
  } catch (error) {
    const failure = failureOf(error, node);
    finish('failed', null, `${failure.error!.code}: ${failure.error!.message}${failure.redisReset ? ' (Redis was reset)' : ''}`);
    return { ...ref, outcome: 'failed', archived: null, ...failure };
  }
}

/**
 * "Reset all nodes": every node of the cluster's current view archived first and reset (the
 * nodes at once: each is its own Redis), one typed result per node. A node that fails does not
 * stop the others; the answer says which did what.
 */
export async function resetClusterSlowlog(cluster: RedisInstance, archive: SlowlogArchive, by: ResetAllBy): Promise<ClusterSlowlogResetResponse> {
  const nodes = await cluster.topology!.members();
  const results = await Promise.all(nodes.map((node) => resetNode(node, archive, by)));
  return {
    nodes: results,
    archived: results.reduce((sum, result) => sum + (result.archived ?? 0), 0),
    reset: results.filter((result) => result.outcome === 'reset').length,
    failed: results.filter((result) => result.outcome === 'failed').length,
  };
}
