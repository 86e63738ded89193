import { instanceRoute } from '@/lib/http/route';
import { KeysMetaBody } from '@/lib/keys/export';
import { describeClusterKeys } from '@/lib/redis/cluster-keys';
import { describeVisibleKeys } from '@/lib/redis/keys-meta';

export const dynamic = 'force-dynamic';

// A POST only because 200 names do not fit a URL; it reads and changes nothing, so a viewer may.
// On a Redis Cluster the keys are grouped per master, each group described on its node.
export const POST = instanceRoute({ role: 'viewer', body: KeysMetaBody, wholeCluster: true }, ({ instance, body }) =>
  (instance.topology ? describeClusterKeys : describeVisibleKeys)(instance, body));
