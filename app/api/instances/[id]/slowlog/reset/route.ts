import { z } from 'zod';
import { instanceRoute } from '@/lib/http/route';
import { appHistory } from '@/lib/sampler/app-sampler';
import { archiveAndReset } from '@/lib/slowlog/live';

export const dynamic = 'force-dynamic';

export const POST = instanceRoute(
  { role: 'admin', body: z.object({}).strict(), audit: 'slowlog.reset' },
  async ({ instance, auditTarget }) => {
    const result = await archiveAndReset(instance, appHistory().slowlog);
    auditTarget(`${result.archived} entries archived`);
    return result;
  },
);
