import { instanceRoute } from '@/lib/http/route';
import { KeysExportQuery } from '@/lib/keys/export';
import { exportClusterKeys } from '@/lib/redis/cluster-keys';
import { exportKeys } from '@/lib/redis/export-keys';

export const dynamic = 'force-dynamic';

// application/x-ndjson is not a type Next's gzip (the `compression` middleware) compresses, so
// each batch reaches the client as it is written instead of waiting in a zlib buffer.
// On a Redis Cluster: every master's names, one master after the other, in the one stream.
export const GET = instanceRoute({ role: 'viewer', query: KeysExportQuery, wholeCluster: true }, async ({ instance, query, request }) => {
  const started = await (instance.topology ? exportClusterKeys : exportKeys)(instance, query, request.signal);
  return new Response(started.body, {
    headers: {
      'content-type': 'application/x-ndjson; charset=utf-8',
      'x-redlens-db': String(started.db),
      'x-redlens-db-size': String(started.dbSize),
      // A proxy in front (nginx) must not hold the stream back either.
      'x-accel-buffering': 'no',
    },
  });
});
