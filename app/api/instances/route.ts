import 'server-only';
import type { InstancesResponse } from '@/lib/api/types';
import { route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'viewer' }, async (): Promise<InstancesResponse> => ({
  instances: await Promise.all(server().registry.list().map((instance) => instance.summary())),
}));
