import { instanceRoute } from '@/lib/http/route';
import { KeysMetaBody } from '@/lib/keys/export';
import { describeVisibleKeys } from '@/lib/redis/keys-meta';

export const dynamic = 'force-dynamic';

// A POST only because 200 names do not fit a URL; it reads and changes nothing, so a viewer may.
export const POST = instanceRoute({ role: 'viewer', body: KeysMetaBody }, ({ instance, body }) => describeVisibleKeys(instance, body));
