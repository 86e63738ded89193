import 'server-only';
import { listAudit } from '@/lib/audit/audit-log';
import { auditQuerySchema, type AuditResponse } from '@/lib/audit/types';
import { route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const GET = route({ role: 'admin', query: auditQuerySchema }, ({ query }): AuditResponse => {
  const entries = listAudit(server().store, query);
  return { entries, nextBefore: entries.length === query.limit ? entries[entries.length - 1]!.id : null };
});
