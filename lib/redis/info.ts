// INFO, parsed by parse/parse-info.ts. readInfo answers the sections (the sampler, the key
// browser's db list); fetchInfo answers the API, one shared call per instance per second. Two
// INFO calls live beside what they serve: INFO server inside the slow log's MULTI (slowlog.ts)
// and INFO persistence while Redis loads (registry.ts).
import 'server-only';
import type Redis from 'ioredis';
import type { InfoSections, InstanceInfo } from '@/lib/api/types';
import { deriveInfo } from './derive-info';
import { parseInfo } from './parse/parse-info';
import type { RedisInstance } from './registry';

/** INFO `section` (default: every section), parsed; throws InfoParseError on a reply that is not INFO. */
export async function readInfo(client: Redis, section = 'everything'): Promise<InfoSections> {
  return parseInfo(await client.info(section));
}

export async function fetchInfo(instance: RedisInstance): Promise<InstanceInfo> {
  return instance.runShared('info', async (client) => {
    const sections = await readInfo(client);
    return {
      instance: { id: instance.id, name: instance.name },
      sections,
      derived: deriveInfo(sections),
      fetchedAt: new Date().toISOString(),
    };
  });
}
