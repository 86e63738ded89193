import 'server-only';
import { instanceRoute } from '@/lib/http/route';
import { listClients } from '@/lib/clients/service';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// Judged by the clients target in force (the config file's thresholds), as clients-high is.
export const GET = instanceRoute({ role: 'viewer' }, ({ instance }) => listClients(instance, server().config.thresholds.clientsMax));
