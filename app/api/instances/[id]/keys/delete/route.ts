import 'server-only';
import { NextResponse } from 'next/server';
import { bulkDeleteTarget, startBulkDelete } from '@/lib/bulk-delete/jobs';
import { bulkDeleteStartSchema } from '@/lib/bulk-delete/types';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// Starts a bulk delete by pattern (or its dry run) as a job; GET .../jobs/{id} follows it.
export const POST = instanceRoute(
  // On a Redis Cluster the job walks every master (lib/redis/cluster-keys.ts).
  { role: 'admin', body: bulkDeleteStartSchema, audit: 'keys.bulk-delete', wholeCluster: true },
  async ({ instance, body, principal, address, auditTarget }) => {
    auditTarget(bulkDeleteTarget(body));
    const who = { actor: principal?.username ?? 'anonymous', role: principal?.role ?? null, address };
    const started = await startBulkDelete(server().jobs, server().store, instance, body, who);
    return NextResponse.json(started, { status: 202 });
  },
);
