import 'server-only';
import { z } from 'zod';
import { instanceRoute } from '@/lib/http/route';
import { server } from '@/lib/server/root';
import { archiveAndReset } from '@/lib/slowlog/live';

export const dynamic = 'force-dynamic';

export const POST = instanceRoute(
  { role: 'admin', body: z.object({}).strict(), audit: 'slowlog.reset' },
  async ({ instance, auditTarget }) => {
    const result = await archiveAndReset(instance, server().slowlog);
    auditTarget(`${result.archived} entries archived`);
    return result;
  },
);
