// INFO for the API: one shared call per instance per second, parsed and derived.
import type { InfoResponse } from '@/lib/api/types';
import { deriveInfo } from './derive-info';
import { parseInfo } from './parse/parse-info';
import type { RedisInstance } from './registry';

export async function fetchInfo(instance: RedisInstance): Promise<InfoResponse> {
  return instance.runShared('info', async (client) => {
    const reply = await client.info('everything');
    const sections = parseInfo(reply);
    return {
      instance: { id: instance.id, name: instance.name },
      sections,
      derived: deriveInfo(sections),
      fetchedAt: new Date().toISOString(),
    };
  });
}
