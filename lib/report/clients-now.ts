// Who is connected as the current week's report is made: the clients page's groups (CLIENT LIST
// through lib/clients, shared with the page's own reads), since the history keeps the number of
// clients, not who they are. Never fails the report: a Redis that does not answer is said so.
import 'server-only';
import { ApiError } from '@/lib/api/errors';
import { listClients } from '@/lib/clients/service';
import type { ClientGroup } from '@/lib/clients/types';
import type { RedisInstance } from '@/lib/redis/registry';
import type { ClientGroupNow, ClientsNow } from './data';
import type { IsoWeek } from './week';

const groupOf = (group: ClientGroup): ClientGroupNow => ({ key: group.key, count: group.count, own: group.own });

/** Only the week that holds `now` has clients "now"; a past week's report has none (null). */
export async function clientsNowOf(instance: RedisInstance, week: IsoWeek, now: number, clientsMax: number): Promise<ClientsNow | null> {
  if (now < week.from || now >= week.to) return null;
  if (instance.topology) {
    return { at: now, unavailable: 'a Redis Cluster has no client list of its own: each node\'s clients page shows its own.' };
  }
  try {
    const answer = await listClients(instance, clientsMax);
    return {
      at: Date.parse(answer.fetchedAt), total: answer.total, own: answer.own,
      byName: answer.groups.byName.map(groupOf), byHost: answer.groups.byHost.map(groupOf),
    };
  } catch (error) {
    const why = ApiError.is(error) ? error.message : 'see the server log';
    if (!ApiError.is(error)) console.error(`[redlens] report: CLIENT LIST of ${instance.id} failed:`, error);
    return { at: now, unavailable: `Redis did not answer CLIENT LIST as the report was made (${why}).` };
  }
}
