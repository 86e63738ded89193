// The sentinels' view of a Sentinel instance (quorum, the master's address, the replicas and
// sentinels they know): SENTINEL MASTER / REPLICAS / SENTINELS <name> asked of one sentinel that
// answers. Bounded: at most SENTINEL_TRIES sentinels, each on a connection of its own with the
// 2 s connect and command timeouts, closed after its answer; concurrent pages share one answer.
// Sentinels are not the Redis Redlens watches: nothing here counts into its own traffic.
import 'server-only';
import Redis from 'ioredis';
import { ApiError } from '@/lib/api/errors';
import type { SentinelView } from '@/lib/api/sentinel';
import type { SentinelConfig } from '@/lib/config/schema';
import { COMMAND_TIMEOUT_MS, CONNECT_TIMEOUT_MS } from './client-options';
import { Coalescer } from './coalesce';
import { redisErrorToApiError } from './errors';
import type { AnyReply } from './parse/own-lookups';
import { parseSentinelMaster, parseSentinelReplicas, parseSentinelSentinels } from './parse/parse-sentinel';
import { hostPort, type RedisInstance } from './registry';

/** Sentinels asked in turn before the answer is an error (each costs at most 4 s). */
export const SENTINEL_TRIES = 3;
/** How long page traffic shares one answer of the sentinels. */
const SENTINEL_SHARE_MS = 2_000;

const shared = new Coalescer(SENTINEL_SHARE_MS);

async function ask(address: { host: string; port: number }, config: SentinelConfig) {
  const client = new Redis({
    host: address.host,
    port: address.port,
    ...(config.username !== undefined && { username: config.username }),
    ...(config.password !== undefined && { password: config.password }),
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    retryStrategy: () => null,
    enableReadyCheck: false,
    protocol: 2,
    connectionName: 'redlens-sentinel',
  });
  // ioredis rejects a refused connection as "Connection is closed": the socket's error says why.
  let socketError: Error | undefined;
  client.on('error', (error: Error) => {
    socketError = error;
  });
  try {
    await client.connect();
    const [master, replicas, sentinels] = (await Promise.all([
      client.call('SENTINEL', 'MASTER', config.masterName),
      client.call('SENTINEL', 'REPLICAS', config.masterName),
      client.call('SENTINEL', 'SENTINELS', config.masterName),
    ])) as AnyReply[];
    return { master: parseSentinelMaster(master), replicas: parseSentinelReplicas(replicas), sentinels: parseSentinelSentinels(sentinels) };
  } catch (error) {
    throw socketError && /Connection is closed/.test((error as Error).message) ? socketError : error;
  } finally {
    client.disconnect();
  }
}

/** The sentinels' view, or null for an instance that is not a Sentinel deployment. */
export function readSentinelView(instance: RedisInstance): Promise<SentinelView | null> {
  const config = instance.sentinel;
  if (!config) return Promise.resolve(null);
  return shared.run(instance.id, async () => {
    const unreachable: SentinelView['unreachable'] = [];
    let denied: ApiError | null = null;
    for (const address of config.sentinels.slice(0, SENTINEL_TRIES)) {
      try {
        const view = await ask(address, config);
        return {
          masterName: config.masterName,
          configured: config.sentinels.map(hostPort),
          answeredBy: hostPort(address),
          unreachable,
          ...view,
        };
      } catch (error) {
        const mapped = redisErrorToApiError(error);
        if (mapped?.code === 'REDIS_COMMAND_DENIED') denied ??= mapped;
        unreachable.push({ address: hostPort(address), error: (error as Error).message });
      }
    }
    if (denied) {
      throw new ApiError('REDIS_COMMAND_DENIED', `${denied.message} The sentinels' view needs SENTINEL MASTER, REPLICAS and SENTINELS on the sentinels.`);
    }
    const tried = unreachable.map(({ address, error }) => `${address} (${error})`).join('; ');
    throw new ApiError('REDIS_UNAVAILABLE', `No sentinel of ${config.masterName} answered: ${tried}.`);
  });
}
