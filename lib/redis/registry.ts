// One lazily connected ioredis client per configured instance, with its up/down status.
import 'server-only';
import Redis from 'ioredis';
import { describeRedisUrl, type RedisEndpoint } from '@/lib/config/redis-url';
import type { InstanceConfig, InstanceTls, SentinelConfig } from '@/lib/config/schema';
import type { ApiError } from '@/lib/api/errors';
import type { InstanceStatus, InstanceSummary } from '@/lib/api/types';
import { clientOptions, sentinelClientOptions } from './client-options';
import { Coalescer } from './coalesce';
import { isLoadingError, loadingError, loadingProgress, redisErrorToApiError, RedisNotReadyError, withTlsHint } from './errors';
import { countOwnTraffic, OwnTraffic } from './own-traffic';
import { sentinelErrorToApiError } from './sentinel-errors';
import { watchSwitchMaster, type SentinelWatch } from './sentinel-watch';
import { ClusterTopology, type ClusterNodes, type TopologyMember } from './cluster-topology';
import { nextReady } from './ready-event';

/** How long page traffic shares one answer of Redis (SPEC section 7). */
export const PAGE_TRAFFIC_SHARE_MS = 1_000;

function waitUntilReady(client: Redis, lastError: string | undefined): Promise<void> {
  if (client.status === 'ready') return Promise.resolve();
  // Between two reconnect attempts we already know why Redis is down: say so at once.
  if (client.status === 'reconnecting' && lastError) return Promise.reject(new RedisNotReadyError(lastError));
  if (client.status === 'wait' || client.status === 'end') {
    // Failures arrive as 'error' events below; the promise itself carries nothing more.
    client.connect().catch(() => undefined);
  }
  return nextReady(client);
}

/** How long we wait for INFO persistence to say how far a load got; the answer must stay fast. */
const LOADING_PROGRESS_MS = 500;

/** LOADING, with the percent INFO persistence reports (Redis serves INFO while loading). */
async function describeLoading(client: Redis) {
  let timer: NodeJS.Timeout | undefined;
  try {
    const reply = await Promise.race([
      client.info('persistence'),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('no INFO in time')), LOADING_PROGRESS_MS);
      }),
    ]);
    return loadingError(loadingProgress(reply));
  } catch {
    // INFO renamed, denied or slow: still say it is loading, without the figure.
    return loadingError();
  } finally {
    clearTimeout(timer);
  }
}

/** host:port, with brackets around an IPv6 host. */
export const hostPort = ({ host, port }: { host: string; port: number }) => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** A node of a Redis Cluster instance: the cluster it belongs to. */
export interface ClusterMembership {
  clusterId: string;
  clusterName: string;
}

/** A node of a cluster's current view with the instance Redlens reaches it through. */
export type ClusterMember = TopologyMember<RedisInstance>;

export class RedisInstance {
  readonly id: string;
  readonly name: string;
  /** Set for a node of a cluster instance (made by the registry when the cluster lists it). */
  readonly memberOf: ClusterMembership | null;
  /**
   * Set for a Redis Cluster instance: its nodes and slots. Such an instance has no connection of
   * its own: `run` goes to a node that answers, key commands to the master of the key's slot.
   */
  topology: ClusterTopology<RedisInstance> | null = null;
  private readonly endpoint: RedisEndpoint;
  /** rediss:// only: CA, client certificate and key, servername; every connection uses them. */
  private readonly tls: InstanceTls | undefined;
  /** Set for a Sentinel deployment: the client connects to the master the sentinels name. */
  readonly sentinel: SentinelConfig | null;
  /**
   * Where the client is connected now, taken from its socket at every connect: for a Sentinel
   * instance the master the sentinels named (it moves with a failover); null before the first.
   */
  private connectedTo: { host: string; port: number } | null = null;
  /** The last sentinel that failed to name a master, and why (ioredis's 'sentinelError'). */
  private lastSentinelError: string | undefined;
  private watch: SentinelWatch | null = null;
  /**
   * Counts the servers the client has been connected to: it grows when a failover moves it. The
   * client's duplicates (lib/redis/db-connections.ts, key-edit.ts) are replaced when it has grown.
   */
  private moves = 0;
  private client: Redis | null = null;
  private lastError: string | undefined;
  private readonly shared = new Coalescer(PAGE_TRAFFIC_SHARE_MS);
  /** Every command Redlens sends this Redis, on any connection: taken out of the figures (SPEC 8). */
  readonly traffic = new OwnTraffic();

  constructor(config: InstanceConfig, memberOf: ClusterMembership | null = null) {
    this.id = config.id;
    this.name = config.name;
    this.memberOf = memberOf;
    this.endpoint = describeRedisUrl(config.url);
    this.tls = config.tls;
    this.sentinel = config.sentinel ?? null;
  }

  get address(): string {
    if (this.topology) {
      const nodes = this.topology.last?.nodes.length;
      return nodes ? `cluster of ${nodes} nodes (seed ${this.endpoint.address})` : `cluster (seed ${this.endpoint.address})`;
    }
    if (!this.sentinel) return this.endpoint.address;
    const via = `${this.sentinel.masterName} via sentinels`;
    return this.connectedTo ? `${hostPort(this.connectedTo)} (${via})` : via;
  }

  /**
   * The server Redlens's other connections (RespPipes) must reach: the URL's host and port, or
   * for a Sentinel instance the master the registry's client reached last (null before it has).
   */
  get server(): { host: string; port: number } | null {
    return this.sentinel ? this.connectedTo : { host: this.endpoint.host, port: this.endpoint.port };
  }

  /** Grows each time the client moves to another server (a Sentinel failover); 0 otherwise. */
  get generation(): number {
    return this.moves;
  }

  /** The db of the instance's URL (`redis://host:port/2`): where the key browser opens. */
  get defaultDb(): number {
    return this.endpoint.db;
  }

  private connection(): Redis {
    if (!this.client) {
      const client = new Redis(this.sentinel ? sentinelClientOptions(this.endpoint, this.sentinel, this.tls) : clientOptions(this.endpoint, this.tls));
      countOwnTraffic(client, this.traffic);
      client.on('connect', () => {
        const { remoteAddress, remotePort } = client.stream ?? {};
        if (!remoteAddress || !remotePort) return;
        if (this.connectedTo && (this.connectedTo.host !== remoteAddress || this.connectedTo.port !== remotePort)) this.moves += 1;
        this.connectedTo = { host: remoteAddress, port: remotePort };
      });
      // A failover: leave the demoted master now; the reconnect asks the sentinels again.
      if (this.sentinel) {
        this.watch = watchSwitchMaster(this.sentinel, (master) => {
          // Each sentinel announces it: the first one moved the client already.
          if (this.connectedTo?.host !== master.host || this.connectedTo.port !== master.port) client.disconnect(true);
        });
      }
      client.on('sentinelError', (error: Error) => {
        this.lastSentinelError = error.message;
      });
      // Without a listener ioredis prints every reconnect failure; we keep the last one as status.
      client.on('error', (error: Error) => {
        this.lastError = this.explain(error)?.message ?? error.message;
      });
      client.on('ready', () => {
        this.lastError = undefined;
      });
      this.client = client;
    }
    return this.client;
  }

  /**
   * Runs `command` on a ready client. Redis failures come back as ApiErrors
   * (503 / 504 / 502) and mark the instance down until a command succeeds again.
   */
  async run<T>(command: (client: Redis) => Promise<T>): Promise<T> {
    if (this.topology) return this.topology.runOnAny(command);
    const client = this.connection();
    try {
      await waitUntilReady(client, this.lastError);
      const result = await command(client);
      this.lastError = undefined;
      return result;
    } catch (error) {
      const apiError = isLoadingError(error) ? await describeLoading(client) : this.explain(error);
      if (!apiError) throw error;
      // A refused command or write says nothing about whether Redis is up.
      if (apiError.code === 'REDIS_UNAVAILABLE' || apiError.code === 'REDIS_TIMEOUT') this.lastError = apiError.message;
      throw apiError;
    }
  }

  /** redisErrorToApiError, plus what a reset or a timeout may also mean over TLS. */
  private explain(error: unknown): ApiError | null {
    const sentinelError = this.sentinel && sentinelErrorToApiError(error, {
      masterName: this.sentinel.masterName, sentinels: this.sentinel.sentinels.map(hostPort), lastSentinelError: this.lastSentinelError,
    });
    if (sentinelError) return sentinelError;
    const apiError = redisErrorToApiError(error);
    return apiError && withTlsHint(apiError, { enabled: this.endpoint.tls, clientCertificate: this.tls?.cert !== undefined });
  }

  /** Like run, but concurrent page requests for the same `key` share one call for up to 1 s. */
  runShared<T>(key: string, command: (client: Redis) => Promise<T>): Promise<T> {
    return this.shared.run(key, () => this.run(command));
  }

  /** Up when a (shared) PING answers; down with the reason otherwise. */
  async summary(): Promise<InstanceSummary> {
    let status: InstanceStatus = 'up';
    let error: string | undefined;
    try {
      await this.runShared('ping', (client) => client.ping());
    } catch (failure) {
      status = 'down';
      error = failure instanceof Error ? failure.message : 'unknown error';
    }
    return {
      id: this.id,
      name: this.name,
      address: this.address,
      tls: this.endpoint.tls,
      ...(this.endpoint.tls && this.tls?.rejectUnauthorized === false && { tlsInsecure: true }),
      status,
      ...(error !== undefined && { error }),
    };
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.watch?.close();
    this.watch = null;
    if (client) client.disconnect();
  }
}

/**
 * The registry id of a cluster node: the cluster's id and the node's address, so it stays the
 * same across failovers (roles move, addresses stay) and restarts of Redlens.
 */
export function clusterNodeId(clusterId: string, host: string, port: number): string {
  return `${clusterId}.${host.replace(/[^A-Za-z0-9-]/g, '-')}-${port}`.slice(0, 63);
}

/** The seed url with another node's host and port: the same credentials and TLS. */
function nodeUrl(seedUrl: string, host: string, port: number): string {
  const url = new URL(seedUrl);
  url.hostname = host.includes(':') ? `[${host}]` : host;
  url.port = String(port);
  return url.toString();
}

export class Registry {
  private readonly instances = new Map<string, RedisInstance>();

  constructor(instances: InstanceConfig[]) {
    for (const config of instances) this.instances.set(config.id, new RedisInstance(config));
    for (const config of instances) {
      if (!config.cluster) continue;
      const seeds = config.cluster.seeds.map((seed) => describeRedisUrl(seed));
      this.instances.get(config.id)!.topology = new ClusterTopology(config.id, seeds, this.clusterNodes(config));
    }
  }

  /** How a cluster's topology makes, finds and forgets its node instances. */
  private clusterNodes(cluster: InstanceConfig): ClusterNodes<RedisInstance> {
    const memberOf = { clusterId: cluster.id, clusterName: cluster.name };
    return {
      node: (host, port) => {
        const id = clusterNodeId(cluster.id, host, port);
        const known = this.instances.get(id);
        if (known?.memberOf?.clusterId === cluster.id) return known;
        if (known) throw new Error(`instance id "${id}" of a node of cluster "${cluster.id}" is taken by a configured instance`);
        const node = new RedisInstance({ id, name: `${cluster.name} · ${hostPort({ host, port })}`, url: nodeUrl(cluster.url, host, port), ...(cluster.tls && { tls: cluster.tls }) }, memberOf);
        this.instances.set(id, node);
        return node;
      },
      forget: (keep) => {
        for (const instance of this.list()) {
          if (instance.memberOf?.clusterId !== cluster.id || keep.has(instance)) continue;
          this.instances.delete(instance.id);
          void instance.close();
        }
      },
    };
  }

  get(id: string): RedisInstance | undefined {
    return this.instances.get(id);
  }

  list(): RedisInstance[] {
    return [...this.instances.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.list().map((instance) => instance.close()));
  }
}
