import 'server-only';
import { z } from 'zod';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';
import { resetClusterSlowlog } from '@/lib/slowlog/cluster';
import { archiveAndReset } from '@/lib/slowlog/live';

export const dynamic = 'force-dynamic';

const body = z.object({}).strict();

const resetOne = instanceRoute(
  { role: 'admin', body, audit: 'slowlog.reset' },
  async ({ instance, principal, auditTarget }) => {
    // The slowlog-reset event says who; the audit row is not listed again as an admin-action.
    const result = await archiveAndReset(instance, server().slowlog, { actor: principal?.username ?? 'unknown', events: server().events });
    auditTarget(`${result.archived} entries archived`);
    return result;
  },
);

// A Redis Cluster instance: "Reset all nodes". Each node's reset is audited as `slowlog.reset` on
// the node (as from its own page); this entry on the cluster says how many were reset.
const resetAll = instanceRoute(
  { role: 'admin', body, audit: 'slowlog.reset-all', wholeCluster: true },
  async ({ instance, principal, address, auditTarget }) => {
    const result = await resetClusterSlowlog(instance, server().slowlog, {
      actor: principal?.username ?? 'unknown', role: principal?.role ?? null, address, events: server().events, store: server().store,
    });
    auditTarget(`${result.reset} of ${result.nodes.length} nodes reset, ${result.archived} entries archived${result.failed ? `, ${result.failed} failed` : ''}`);
    return result;
  },
);

/** Whether `id` is a Redis Cluster instance; a server that cannot start says so through the wrapper. */
function isCluster(id: unknown): boolean {
  try {
    return typeof id === 'string' && Boolean(server().registry.get(id)?.topology);
  } catch {
    return false;
  }
}

export const POST = async (request: Request, context: { params: Promise<Record<string, string | string[] | undefined>> }) => {
  // Only which wrapper answers: instanceRoute authorizes (and 404s an unknown id) either way.
  const { id } = await context.params;
  return (isCluster(id) ? resetAll : resetOne)(request, context);
};
