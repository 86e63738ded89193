// Listens to the sentinels' +switch-master for one master group, so a Sentinel instance leaves a
// demoted master at once. ioredis's own failoverDetector does the same but its subscriber clients
// have no error listener: a sentinel that is down printed "[ioredis] Unhandled error event" at
// every reconnect, and each duplicate of the client subscribed again. One watcher per instance,
// errors kept quiet (the instance's own client reports Redis failures), reconnecting with back-off.
import 'server-only';
import Redis from 'ioredis';
import type { SentinelConfig } from '@/lib/config/schema';
import { CONNECT_TIMEOUT_MS } from './client-options';

/** Sentinels subscribed to: one is enough to hear a failover, a few survive one of them down. */
export const WATCHED_SENTINELS = 3;
/** A down sentinel is tried again at most this often. */
const WATCH_RETRY_MAX_MS = 10_000;

export interface SentinelWatch {
  close(): void;
}

/**
 * Calls `onSwitch` with the new master's address when a sentinel announces one for the group
 * (+switch-master). Every watched sentinel announces the same failover: the caller sees repeats.
 */
export function watchSwitchMaster(config: SentinelConfig, onSwitch: (master: { host: string; port: number }) => void): SentinelWatch {
  const clients = config.sentinels.slice(0, WATCHED_SENTINELS).map((address) => {
    const client = new Redis({
      host: address.host,
      port: address.port,
      ...(config.username !== undefined && { username: config.username }),
      ...(config.password !== undefined && { password: config.password }),
      connectTimeout: CONNECT_TIMEOUT_MS,
      // SUBSCRIBE waits for the connection and is sent again after every reconnect.
      enableOfflineQueue: true,
      autoResubscribe: true,
      maxRetriesPerRequest: null,
      retryStrategy: (attempt) => Math.min(200 * 2 ** Math.min(attempt, 6), WATCH_RETRY_MAX_MS),
      enableReadyCheck: false,
      protocol: 2,
      connectionName: 'redlens-sentinel-watch',
    });
    client.on('error', () => undefined);
    client.subscribe('+switch-master').catch(() => undefined);
    // "<master name> <old ip> <old port> <new ip> <new port>"
    client.on('message', (_channel: string, message: string) => {
      const [name, , , host, port] = message.split(' ');
      if (name === config.masterName && host && port) onSwitch({ host, port: Number(port) });
    });
    return client;
  });
  return {
    close() {
      for (const client of clients) client.disconnect();
    },
  };
}
