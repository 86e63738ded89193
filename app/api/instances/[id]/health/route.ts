import 'server-only';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer' }, ({ instance }) => server().sampler.health(instance.id));
