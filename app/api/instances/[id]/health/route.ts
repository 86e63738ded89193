import 'server-only';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// On a cluster: its own findings (cluster-state-fail, slots-not-covered, node-failed); each node's are on the node.
export const GET = instanceRoute({ role: 'viewer', wholeCluster: true }, ({ instance }) => server().sampler.health(instance.id));
