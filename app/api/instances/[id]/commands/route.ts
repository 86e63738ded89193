import 'server-only';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// From the sampler's INFO at both ends of its window: no INFO of this request's own (SPEC 7).
export const GET = instanceRoute({ role: 'viewer' }, ({ instance }) => server().sampler.commandRates(instance.id));
