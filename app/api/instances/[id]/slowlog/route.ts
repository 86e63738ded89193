import { instanceRoute } from '@/lib/http/route';
import { readSlowlog } from '@/lib/slowlog/live';
import { withOwnEntries } from '@/lib/slowlog/own-entries';
import { slowlogLiveQuerySchema } from '@/lib/slowlog/types';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer', query: slowlogLiveQuerySchema }, async ({ instance, query }) =>
  withOwnEntries(await readSlowlog(instance), query.own === 'show'));
