import { instanceRoute } from '@/lib/http/route';
import { appHistory } from '@/lib/sampler/app-sampler';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer' }, ({ instance }) => appHistory().sampler.health(instance.id));
