import 'server-only';
import { ConfigSetBody } from '@/lib/config-audit/schemas';
import { applySetting, readConfigAudit } from '@/lib/config-audit/service';
import { instanceRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = instanceRoute({ role: 'viewer' }, ({ instance }) => readConfigAudit(instance));

export const PATCH = instanceRoute({ role: 'admin', body: ConfigSetBody, audit: 'config.set' }, async ({ instance, body, auditTarget }) => {
  auditTarget(`${body.name} = ${body.value}`);
  const result = await applySetting(instance, body.name, body.value);
  auditTarget(`${result.name}: ${result.before ?? '(none)'} -> ${result.after ?? '(none)'}`);
  return result;
});
