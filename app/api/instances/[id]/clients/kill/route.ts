import 'server-only';
import { KillClientBody } from '@/lib/clients/types';
import { instanceRoute } from '@/lib/http/route';
import { killClient } from '@/lib/redis/clients';

export const dynamic = 'force-dynamic';

export const POST = instanceRoute({ role: 'admin', body: KillClientBody, audit: 'client.kill' }, ({ instance, body, auditTarget }) => {
  auditTarget(`client id=${body.clientId}`);
  return killClient(instance, body.clientId, (row) => auditTarget(`client id=${row.id} name=${row.name || '(none)'} addr=${row.addr}`));
});
