import { instanceRoute } from '@/lib/http/route';
import { KeysQuery } from '@/lib/keys/schemas';
import { scanKeys } from '@/lib/redis/keys';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer', query: KeysQuery }, ({ instance, query }) => scanKeys(instance, query));
