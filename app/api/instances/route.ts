import type { InstancesResponse } from '@/lib/api/types';
import { route } from '@/lib/http/route';
import { appRegistry } from '@/lib/redis/app-registry';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'viewer' }, async (): Promise<InstancesResponse> => ({
  instances: await Promise.all(appRegistry().list().map((instance) => instance.summary())),
}));
