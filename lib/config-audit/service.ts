// What the config routes do: read an instance's settings and audit them, apply one allowlisted
// setting, compare the fleet. Redis calls go through lib/redis/config.ts, which redacts secrets.
import 'server-only';
import type { Registry, RedisInstance } from '@/lib/redis/registry';
import { configSetOne, readAllConfig } from '@/lib/redis/config';
import { readInfo } from '@/lib/redis/info';
import { auditConfig } from './audit';
import { configDrift, type InstanceSettings } from './drift';
import type { ConfigAuditResponse, ConfigDriftResponse, ConfigSetResponse, DriftInstance } from './types';

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

/** Every instance's settings, compared; an instance that cannot be read is listed as unreachable, never a failure. */
export async function readConfigDrift(registry: Registry): Promise<ConfigDriftResponse> {
  const reads = await Promise.all(registry.list().map(async (instance) => {
    try {
      // Only the settings: drift needs no INFO.
      const { settings, redacted } = await instance.run(readAllConfig);
      return { instance, read: { instance: instance.id, settings, redacted } satisfies InstanceSettings };
    } catch (error) {
      return { instance, error: error instanceof Error ? error.message : 'unknown error' };
    }
  }));
  const instances: DriftInstance[] = reads.map(({ instance, error }) => ({
    instance: instance.id, name: instance.name, reachable: error === undefined, ...(error !== undefined && { error }),
  }));
  const settings = configDrift(reads.flatMap(({ read }) => (read ? [read] : [])));
  return { instances, settings };
}
