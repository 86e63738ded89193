import 'server-only';
import { changesOf } from '@/lib/changes/changes';
import { changesQuerySchema } from '@/lib/changes/types';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer', query: changesQuerySchema }, ({ instance, query }) =>
  changesOf(server(), instance.id, query.window, Date.now(), server().config));
