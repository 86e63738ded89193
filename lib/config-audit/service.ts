// What the config routes do: read an instance's settings and audit them, apply one allowlisted
// setting, compare the fleet. Redis calls go through lib/redis/config.ts, which redacts secrets.
import 'server-only';
import type { Registry, RedisInstance } from '@/lib/redis/registry';
import { configSetOne, readAllConfig } from '@/lib/redis/config';
import { readInfo } from '@/lib/redis/info';
import { auditConfig } from './audit';
import { configDrift, type InstanceSettings } from './drift';
import { canonicalSettingName } from './names';
import {
  CLUSTER_VALUES_DIFFER,
  type AuditStatus, type ClusterConfigResponse, type ClusterNodeAudit, type ConfigAuditResponse, type ConfigDriftResponse, type ConfigSetResponse,
  type DriftInstance,
} from './types';

/**
 * CONFIG GET * and one INFO (its server and memory sections: the version, the host's memory for
 * the maxmemory fix). Not shared between requests: a read right after an apply must see it, and
 * the page polls slowly.
 */
async function readAudited(instance: RedisInstance) {
  return instance.run(async (client) => {
    const [config, info] = await Promise.all([readAllConfig(client), readInfo(client, 'default')]);
    const version = info.server?.redis_version;
    const total = info.memory?.total_system_memory;
    return {
      ...config,
      version: version === undefined ? null : String(version),
      totalSystemMemory: typeof total === 'number' && total > 0 ? total : undefined,
    };
  });
}

export async function readConfigAudit(instance: RedisInstance): Promise<ConfigAuditResponse> {
  const { settings, redacted, version, totalSystemMemory } = await readAudited(instance);
  return auditConfig(settings, { version, redacted, context: { totalSystemMemory } });
}

/** CONFIG SET of one setting the caller checked against the allowlist; never shared with a read. */
export function applySetting(instance: RedisInstance, name: string, value: string): Promise<ConfigSetResponse> {
  return instance.run((client) => configSetOne(client, name, value));
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : 'unknown error');

/** The worst status of an audit: a warning, then a note, then ok. */
function worstOf(summary: Record<AuditStatus, number>): AuditStatus {
  return summary.warn > 0 ? 'warn' : summary.info > 0 ? 'info' : 'ok';
}

/**
 * A Redis Cluster instance's config (SPEC section 6): each node audited as its own page audits it
 * (CONFIG GET * and INFO, the nodes at once), summed up, and the settings whose values differ
 * between the nodes that answered. A node that cannot be read is listed as such; only when none
 * can does the answer fail.
 */
export async function readClusterConfig(cluster: RedisInstance): Promise<ClusterConfigResponse> {
  const nodes = await cluster.topology!.members();
  const reads = await Promise.allSettled(nodes.map((node) => readAudited(node.instance)));
  if (reads.length > 0 && reads.every((read) => read.status === 'rejected')) throw (reads[0] as PromiseRejectedResult).reason;
  const compared: InstanceSettings[] = [];
  const audits: ClusterNodeAudit[] = nodes.map((node, i) => {
    const read = reads[i]!;
    const base = { instanceId: node.instance.id, address: node.address, role: node.role };
    if (read.status === 'rejected') return { ...base, reachable: false, error: messageOf(read.reason), version: null, summary: null, worst: null };
    const { settings, redacted, version, totalSystemMemory } = read.value;
    compared.push({ instance: node.instance.id, settings, redacted });
    const { summary } = auditConfig(settings, { version, redacted, context: { totalSystemMemory } });
    return { ...base, reachable: true, version, summary, worst: worstOf(summary) };
  });
  return { kind: 'cluster', nodes: audits, drift: configDrift(compared) };
}

/**
 * A cluster as one row of the fleet drift: every node's settings read; a setting its nodes agree
 * on has that value, one they do not has CLUSTER_VALUES_DIFFER (its config page says which node
 * has which). Its nodes are not listed apart: six rows of one deployment would bury the fleet.
 */
async function clusterSettings(cluster: RedisInstance): Promise<{ read: InstanceSettings; cluster: NonNullable<DriftInstance['cluster']> }> {
  const nodes = await cluster.topology!.members();
  const reads = await Promise.allSettled(nodes.map((node) => node.instance.run(readAllConfig)));
  const answered = reads.flatMap((read, i) => (read.status === 'fulfilled' ? [{ instance: nodes[i]!.instance.id, ...read.value }] : []));
  if (answered.length === 0) throw reads.length > 0 ? (reads[0] as PromiseRejectedResult).reason : new Error('no node of the cluster is known');
  const differing = new Set(configDrift(answered).map((setting) => setting.name));
  const settings: Record<string, string> = {};
  for (const [name, value] of Object.entries(answered[0]!.settings)) settings[name] = differing.has(canonicalSettingName(name)) ? CLUSTER_VALUES_DIFFER : value;
  return {
    read: { instance: cluster.id, settings, redacted: [...new Set(answered.flatMap((node) => node.redacted))] },
    cluster: { nodes: nodes.length, read: answered.length, drifting: differing.size },
  };
}

/**
 * Every instance's settings, compared; an instance that cannot be read is listed as unreachable,
 * never a failure. A Redis Cluster instance is one row for all its nodes (clusterSettings); its
 * nodes are compared among themselves on its own config page.
 */
export async function readConfigDrift(registry: Registry): Promise<ConfigDriftResponse> {
  const reads = await Promise.all(registry.list().filter((instance) => !instance.memberOf).map(async (instance): Promise<{
    instance: RedisInstance; read?: InstanceSettings; cluster?: DriftInstance['cluster']; error?: string;
  }> => {
    try {
      if (instance.topology) return { instance, ...(await clusterSettings(instance)) };
      // Only the settings: drift needs no INFO.
      const { settings, redacted } = await instance.run(readAllConfig);
      return { instance, read: { instance: instance.id, settings, redacted } satisfies InstanceSettings };
    } catch (error) {
      return { instance, error: messageOf(error) };
    }
  }));
  const instances: DriftInstance[] = reads.map(({ instance, error, cluster }) => ({
    instance: instance.id, name: instance.name, reachable: error === undefined,
    ...(error !== undefined && { error }), ...(cluster && { cluster }),
  }));
  const settings = configDrift(reads.flatMap(({ read }) => (read ? [read] : [])));
  return { instances, settings };
}
