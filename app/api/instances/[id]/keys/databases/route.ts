import { instanceRoute } from '@/lib/http/route';
import { listDatabases } from '@/lib/redis/db-connections';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer' }, ({ instance }) => listDatabases(instance));
