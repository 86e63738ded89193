import 'server-only';
import { jsonStreamResponse } from '@/lib/http/json-stream';
import { instanceRoute } from '@/lib/http/route';
import { exportArchive } from '@/lib/slowlog/archive-export';
import { clusterNodeRefs } from '@/lib/slowlog/cluster';
import { slowlogArchiveQuerySchema } from '@/lib/slowlog/types';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// A Redis Cluster instance's archive is its nodes' archives together, each entry with its node.
export const GET = instanceRoute({ role: 'viewer', query: slowlogArchiveQuerySchema, wholeCluster: true }, async ({ instance, query }) => {
  const { format, ...filter } = query;
  const { slowlog } = server();
  const nodes = instance.topology ? await clusterNodeRefs(instance) : null;
  // A page may hold thousands of entries: written a slice at a time (lib/http/json-stream.ts).
  if (!format) return jsonStreamResponse(await (nodes ? slowlog.queryNodes(nodes, filter) : slowlog.query(instance.id, filter)), 'entries');
  return new Response(exportArchive(slowlog.pages, nodes ?? instance.id, filter, format), {
    headers: {
      'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="slowlog-${instance.id}.${format}"`,
    },
  });
});
