// Fail-fast ioredis options (SPEC section 7): a down or hung Redis errors in about 2 s, never hangs.
import 'server-only';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { RedisOptions } from 'ioredis';
import type { RedisEndpoint } from '@/lib/config/redis-url';
import type { InstanceTls, SentinelConfig } from '@/lib/config/schema';

export const CONNECT_TIMEOUT_MS = 2_000;
export const COMMAND_TIMEOUT_MS = 2_000;
const MAX_RECONNECT_DELAY_MS = 2_000;

/** Reconnect forever, backing off to at most 2 s, so Redlens recovers by itself. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt, 5), MAX_RECONNECT_DELAY_MS);
}

/**
 * Node TLS options of a rediss:// endpoint: the instance's CA, client certificate and key, the
 * name to check. Duplicates and the RespPipes (lib/redis/db-connections.ts) take these from the
 * client's options, so every connection of the instance verifies the server the same way.
 */
export function tlsOptions(endpoint: RedisEndpoint, tls?: InstanceTls): ConnectionOptions {
  // An IP address is no SNI name (RFC 6066; Node warns): without servername Node checks the IP
  // against the certificate's IP SANs.
  const servername = tls?.servername ?? (isIP(endpoint.host) ? undefined : endpoint.host);
  return {
    ...(servername !== undefined && { servername }),
    ...(tls?.ca !== undefined && { ca: tls.ca }),
    ...(tls?.cert !== undefined && { cert: tls.cert }),
    ...(tls?.key !== undefined && { key: tls.key }),
    rejectUnauthorized: tls?.rejectUnauthorized ?? true,
  };
}

export function clientOptions(endpoint: RedisEndpoint, tls?: InstanceTls): RedisOptions {
  return {
    host: endpoint.host,
    port: endpoint.port,
    ...(endpoint.username !== undefined && { username: endpoint.username }),
    ...(endpoint.password !== undefined && { password: endpoint.password }),
    ...(endpoint.tls && { tls: tlsOptions(endpoint, tls) }),
    // The db is never an option: ioredis falls back to db 0 silently on a bad index.
    // Callers SELECT a validated db on a connection of their own.
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    autoResendUnfulfilledCommands: false,
    retryStrategy: reconnectDelay,
    connectionName: 'redlens',
    // The ready check sends INFO before anything else: with INFO renamed the client never
    // becomes ready (the instance looked down while PING answered), and while Redis loads
    // its dataset it waits silently, so a request learnt only "not ready in 2 s". Without it
    // every command answers at once, LOADING and renamed INFO included, and we map the reply.
    enableReadyCheck: false,
    // RESP2 works with every Redis since 2.x and needs no HELLO, which a least-privilege ACL user may lack.
    protocol: 2,
  };
}

/**
 * A Sentinel instance's client: the same fail-fast rules, connected to the master the sentinels
 * name (SENTINEL GET-MASTER-ADDR-BY-NAME), asked again at every reconnect. The url's host and
 * port are not used; its credentials, db and TLS are the master's.
 */
export function sentinelClientOptions(endpoint: RedisEndpoint, sentinel: SentinelConfig, tls?: InstanceTls): RedisOptions {
  const base = clientOptions(endpoint, tls);
  delete base.host;
  delete base.port;
  return {
    ...base,
    // The url's host named no real server: only a configured servername is checked.
    ...(base.tls && { tls: { ...base.tls, servername: tls?.servername }, enableTLSForSentinelMode: true }),
    sentinels: sentinel.sentinels,
    name: sentinel.masterName,
    ...(sentinel.username !== undefined && { sentinelUsername: sentinel.username }),
    ...(sentinel.password !== undefined && { sentinelPassword: sentinel.password }),
    role: 'master',
    // A hung sentinel is left after the same 2 s; with every sentinel unreachable they are asked
    // again with the capped back-off, so Redlens recovers by itself.
    sentinelCommandTimeout: COMMAND_TIMEOUT_MS,
    sentinelRetryStrategy: reconnectDelay,
    // A failover is heard by lib/redis/sentinel-watch.ts, once per instance: without it the client
    // stayed on the demoted master until the sentinels turned it into a replica (about 10 s
    // later, measured with Redis 7.0). ioredis's failoverDetector is off (see that file).
    failoverDetector: false,
  };
}
