import { instanceRoute } from '@/lib/http/route';
import { fetchInfo } from '@/lib/redis/info';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer' }, ({ instance }) => fetchInfo(instance));
