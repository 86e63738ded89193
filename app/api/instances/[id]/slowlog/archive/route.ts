import { instanceRoute } from '@/lib/http/route';
import { appHistory } from '@/lib/sampler/app-sampler';
import { archiveCsv } from '@/lib/slowlog/csv';
import { slowlogArchiveQuerySchema } from '@/lib/slowlog/types';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer', query: slowlogArchiveQuerySchema }, ({ instance, query }) => {
  const { format, ...filter } = query;
  const archive = appHistory().slowlog.query(instance.id, filter);
  if (format === 'json') return archive;
  return new Response(archiveCsv(archive.entries), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="slowlog-${instance.id}.csv"`,
    },
  });
});
