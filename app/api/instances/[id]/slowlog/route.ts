import { instanceRoute } from '@/lib/http/route';
import { readSlowlog } from '@/lib/slowlog/live';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer' }, ({ instance }) => readSlowlog(instance));
