import 'server-only';
import { instanceRoute } from '@/lib/http/route';
import { exportArchive } from '@/lib/slowlog/archive-export';
import { slowlogArchiveQuerySchema } from '@/lib/slowlog/types';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer', query: slowlogArchiveQuerySchema }, ({ instance, query }) => {
  const { format, ...filter } = query;
  const { slowlog } = server();
  if (!format) return slowlog.query(instance.id, filter);
  return new Response(exportArchive(slowlog.pages, instance.id, filter, format), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="slowlog-${instance.id}.${format}"`,
    },
  });
});
