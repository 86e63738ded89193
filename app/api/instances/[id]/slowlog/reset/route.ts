import 'server-only';
import { z } from 'zod';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';
import { archiveAndReset } from '@/lib/slowlog/live';

export const dynamic = 'force-dynamic';

export const POST = instanceRoute(
  { role: 'admin', body: z.object({}).strict(), audit: 'slowlog.reset' },
  async ({ instance, principal, auditTarget }) => {
    // The slowlog-reset event says who; the audit row is not listed again as an admin-action.
    const result = await archiveAndReset(instance, server().slowlog, { actor: principal?.username ?? 'unknown', events: server().events });
    auditTarget(`${result.archived} entries archived`);
    return result;
  },
);
