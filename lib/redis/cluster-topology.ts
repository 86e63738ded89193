// A Redis Cluster's topology (SPEC section 6): which nodes there are, which master serves each
// hash slot, and the cluster's own state. Discovered by asking the known nodes in turn for
// CLUSTER NODES and CLUSTER INFO; asked again when older than a few seconds, after a MOVED and
// when a node stops answering, so a failover or a reshard is followed. Each node is an instance
// of the registry of its own (sampled, with its pages), made here when first seen.
import 'server-only';
import type Redis from 'ioredis';
import type { ClusterNodeView, ClusterView } from '@/lib/api/cluster';
import { ApiError } from '@/lib/api/errors';
import { keySlot } from './cluster-slot';
import { parseClusterInfo, parseClusterNodes, slotCount, type ClusterNodeLine } from './parse/parse-cluster';

/** A view older than this is asked for again before it routes a key. */
export const CLUSTER_VIEW_MAX_AGE_MS = 5_000;

/**
 * What the topology needs of a node's instance (the registry's N): its id, its
 * address and a way to run commands on it. Generic, so this module does not import the registry
 * that builds it.
 */
export interface TopologyNode {
  readonly id: string;
  readonly address: string;
  run<T>(command: (client: Redis) => Promise<T>): Promise<T>;
}

/** What the topology needs of the registry: a node instance for an address, made once. */
export interface ClusterNodes<N extends TopologyNode> {
  /** The node instance of host:port (made and registered when first seen). */
  node(host: string, port: number): N;
  /** Nodes the cluster no longer lists: closed and unregistered. */
  forget(keep: Set<N>): void;
}

/** A node of the current view with the instance Redlens reaches it through. */
export interface TopologyMember<N extends TopologyNode> {
  instance: N;
  /** host:port */
  address: string;
  role: 'master' | 'replica';
}

/** host:port of a node line, with brackets around an IPv6 host. */
const addressOf = ({ host, port }: { host: string; port: number }) => `${host.includes(':') ? `[${host}]` : host}:${port}`;

/** Redis's MOVED / ASK redirection: `MOVED 3999 127.0.0.1:6381`. */
export function redirectionOf(error: unknown): { kind: 'MOVED' | 'ASK'; slot: number; host: string; port: number } | null {
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const match = /^(MOVED|ASK) (\d+) (.+):(\d+)$/.exec(message.replace(/^ReplyError: /, '').trim());
  if (!match) return null;
  return { kind: match[1] as 'MOVED' | 'ASK', slot: Number(match[2]), host: match[3]!.replace(/^\[(.*)\]$/, '$1'), port: Number(match[4]) };
}

export class ClusterTopology<N extends TopologyNode> {
  private view: ClusterView | null = null;
  /** The master instance serving each slot; undefined where no node serves it. */
  private slotOwners: Array<N | undefined> = [];
  private instances = new Map<string, N>();
  private inFlight: Promise<ClusterView> | null = null;
  private readonly seeds: N[];

  constructor(
    readonly clusterId: string,
    seeds: Array<{ host: string; port: number }>,
    private readonly nodes: ClusterNodes<N>,
  ) {
    this.seeds = seeds.map((seed) => nodes.node(seed.host, seed.port));
  }

  /** The last view, asked again when older than CLUSTER_VIEW_MAX_AGE_MS (concurrent callers share one). */
  async current(): Promise<ClusterView> {
    if (this.view && Date.now() - this.view.discoveredAt < CLUSTER_VIEW_MAX_AGE_MS) return this.view;
    return this.refresh();
  }

  /** Asks the nodes again now (one discovery at a time; callers during it share it). */
  refresh(): Promise<ClusterView> {
    this.inFlight ??= this.discover().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /** The last view without asking (null before the first discovery). */
  get last(): ClusterView | null {
    return this.view;
  }

  /** Every node instance known, seeds first until a discovery lists them all. */
  known(): N[] {
    return this.instances.size > 0 ? [...this.instances.values()] : this.seeds;
  }

  /** The masters serving slots, ordered by their first slot (the key browser walks them in this order). */
  async masters(): Promise<N[]> {
    const view = await this.current();
    return view.nodes.filter((node) => node.role === 'master' && node.slotCount > 0).map((node) => this.instances.get(node.instanceId)!);
  }

  /** The master serving `key`'s slot; 503 when no live node serves it. */
  async nodeForKey(key: Buffer): Promise<N> {
    await this.current();
    const slot = keySlot(key);
    const owner = this.slotOwners[slot];
    if (!owner) throw new ApiError('REDIS_UNAVAILABLE', `No node of cluster "${this.clusterId}" serves hash slot ${slot} now (cluster_state is ${this.view?.state.state ?? 'unknown'}).`);
    return owner;
  }

  /** The node instance at host:port (a MOVED or ASK names one), discovered or not. */
  nodeAt(host: string, port: number): N {
    return this.nodes.node(host, port);
  }

  /**
   * Runs `command` on a node that answers: the masters of the last view first, then the others.
   * What a cluster instance's own `run` does (its PING, its status).
   */
  async runOnAny<T>(command: (client: Redis) => Promise<T>): Promise<T> {
    const masters = this.view ? this.view.nodes.filter((node) => node.role === 'master' && node.failure !== 'fail').map((node) => this.instances.get(node.instanceId)!) : [];
    let unavailable: unknown = null;
    for (const node of new Set([...masters, ...this.known(), ...this.seeds])) {
      try {
        return await node.run(command);
      } catch (error) {
        if (!ApiError.is(error) || (error.code !== 'REDIS_UNAVAILABLE' && error.code !== 'REDIS_TIMEOUT')) throw error;
        unavailable = error;
        void this.refresh().catch(() => undefined);
      }
    }
    throw unavailable ?? new ApiError('REDIS_UNAVAILABLE', `No node of cluster "${this.clusterId}" is known.`);
  }

  /** Every node of the current view (asked again when older than a few seconds), masters first, with its instance. */
  async members(): Promise<Array<TopologyMember<N>>> {
    const view = await this.current();
    return view.nodes.flatMap((node) => {
      const instance = this.instances.get(node.instanceId);
      return instance ? [{ instance, address: node.address, role: node.role }] : [];
    });
  }

  /** The node line of an instance in the last view. */
  nodeOf(instance: N): ClusterNodeView | null {
    return this.view?.nodes.find((node) => node.instanceId === instance.id) ?? null;
  }

  private async discover(): Promise<ClusterView> {
    // Ask the masters of the last view first, then every other known node, then the seeds.
    const candidates = [...new Set([...this.known(), ...this.seeds])];
    const reasons: string[] = [];
    for (const candidate of candidates) {
      try {
        const [nodesReply, infoReply] = await candidate.run((client) => Promise.all([
          client.call('CLUSTER', 'NODES') as Promise<string>,
          client.call('CLUSTER', 'INFO') as Promise<string>,
        ]));
        const lines = parseClusterNodes(String(nodesReply));
        const state = parseClusterInfo(String(infoReply));
        // A node still in the cluster but cut off from it may answer: one that sees itself
        // failed, or no master at all, is not believed while another node might answer.
        const self = lines.find((line) => line.myself);
        if (self?.failure === 'fail' && candidate !== candidates.at(-1)) {
          reasons.push(`${candidate.address}: sees itself failed`);
          continue;
        }
        return this.adopt(lines, state, candidate);
      } catch (error) {
        // Down, denied, or not a cluster node ("ERR This instance has cluster support disabled"):
        // the next node may answer.
        reasons.push(`${candidate.address}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const denied = reasons.find((reason) => /NOPERM/.test(reason));
    throw new ApiError(
      denied ? 'REDIS_COMMAND_DENIED' : 'REDIS_UNAVAILABLE',
      `No node of cluster "${this.clusterId}" told its topology (CLUSTER NODES): ${reasons.join('; ')}`,
    );
  }

  private adopt(lines: ClusterNodeLine[], state: ClusterView['state'], asked: N): ClusterView {
    const instances = new Map<string, N>();
    const owners: Array<N | undefined> = new Array(16384);
    // A node without an address (noaddr, or a handshake) cannot be reached: listed, not connected.
    const reachable = lines.filter((line) => line.port > 0 && !line.flags.includes('noaddr') && !line.flags.includes('handshake'));
    for (const line of reachable) instances.set(line.id, this.nodes.node(line.host, line.port));
    for (const line of reachable) {
      if (line.role !== 'master' || line.failure === 'fail') continue;
      const instance = instances.get(line.id)!;
      for (const [start, end] of line.slots) for (let slot = start; slot <= end; slot++) owners[slot] = instance;
    }
    const firstSlot = (line: ClusterNodeLine) => line.slots[0]?.[0] ?? 16384;
    const masters = reachable.filter((line) => line.role === 'master').sort((a, b) => firstSlot(a) - firstSlot(b) || a.port - b.port);
    const order = new Map(masters.map((line, index) => [line.id, index]));
    const replicas = reachable
      .filter((line) => line.role === 'replica')
      .sort((a, b) => (order.get(a.masterId ?? '') ?? masters.length) - (order.get(b.masterId ?? '') ?? masters.length) || a.port - b.port);
    const view: ClusterView = {
      askedNode: asked.address,
      discoveredAt: Date.now(),
      state,
      nodes: [...masters, ...replicas].map((line) => ({
        nodeId: line.id,
        instanceId: instances.get(line.id)!.id,
        address: addressOf(line),
        role: line.role,
        masterNodeId: line.masterId,
        slots: line.slots,
        slotCount: slotCount(line.slots),
        failure: line.failure,
        linkState: line.linkState,
        migrating: line.migrating.length,
        importing: line.importing.length,
      })),
    };
    this.view = view;
    this.slotOwners = owners;
    this.instances = new Map(view.nodes.map((node) => [node.instanceId, instances.get(node.nodeId)!]));
    this.nodes.forget(new Set([...this.instances.values(), ...this.seeds]));
    return view;
  }
}
