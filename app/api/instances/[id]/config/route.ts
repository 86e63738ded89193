import 'server-only';
import { ConfigSetBody } from '@/lib/config-audit/schemas';
import { applySetting, readClusterConfig, readConfigAudit } from '@/lib/config-audit/service';
import { instanceRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// A Redis Cluster instance answers each node's audit summed up and the drift between its nodes.
export const GET = instanceRoute({ role: 'viewer', wholeCluster: true }, ({ instance }) =>
  instance.topology ? readClusterConfig(instance) : readConfigAudit(instance));

// Applying stays per node (a cluster answers 400 naming its nodes): each node's own config page.
export const PATCH = instanceRoute({ role: 'admin', body: ConfigSetBody, audit: 'config.set' }, async ({ instance, body, auditTarget }) => {
  auditTarget(`${body.name} = ${body.value}`);
  const result = await applySetting(instance, body.name, body.value);
  auditTarget(`${result.name}: ${result.before ?? '(none)'} -> ${result.after ?? '(none)'}`);
  return result;
});
