// Parses CLUSTER NODES (one line a node: id, address, flags, master, ping/pong, epoch, link, slots)
// and CLUSTER INFO (field:value lines), Redis 6.2 and 7 alike. Pure. A malformed reply throws
// ClusterParseError, never an empty cluster.
import type { ClusterStateView } from '@/lib/api/cluster';

export class ClusterParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClusterParseError';
  }
}

export const CLUSTER_SLOTS = 16384;

/** An inclusive range of hash slots. */
export type SlotRange = [start: number, end: number];

export interface ClusterNodeLine {
  /** The node's 40-character cluster id. */
  id: string;
  host: string;
  port: number;
  /** The node's announced hostname (Redis 7: `ip:port@bus,hostname`), when it has one. */
  hostname: string | null;
  role: 'master' | 'replica';
  /** For a replica: the id of its master. */
  masterId: string | null;
  /** `myself`: the node that answered. */
  myself: boolean;
  /** `fail?` (this node suspects it) or `fail` (the cluster agreed); null when neither. */
  failure: 'pfail' | 'fail' | null;
  /** `noaddr`, `handshake`, `nofailover` and the like, as Redis writes them. */
  flags: string[];
  linkState: 'connected' | 'disconnected';
  configEpoch: number;
  slots: SlotRange[];
  /** Slots this node is handing over (`[slot->-id]`) or taking in (`[slot-<-id]`). */
  migrating: Array<{ slot: number; to: string }>;
  importing: Array<{ slot: number; from: string }>;
}

const NODE_ID = /^[0-9a-f]{40}$/;

function slotNumber(text: string, line: string): number {
  const slot = Number(text);
  if (!/^\d+$/.test(text) || slot >= CLUSTER_SLOTS) throw new ClusterParseError(`slot "${text}" out of range in "${line}"`);
  return slot;
}

/** `ip:port@cport[,hostname]`; IPv6 hosts keep their colons (the port is after the last one). */
function parseAddress(text: string, line: string): { host: string; port: number; hostname: string | null } {
  const [address = '', hostname = ''] = text.split(',');
  const at = address.indexOf('@');
  const hostPort = at >= 0 ? address.slice(0, at) : address;
  const colon = hostPort.lastIndexOf(':');
  const port = Number(hostPort.slice(colon + 1));
  if (colon < 0 || !Number.isInteger(port) || port < 0 || port > 65535) throw new ClusterParseError(`no address in "${line}"`);
  return { host: hostPort.slice(0, colon).replace(/^\[(.*)\]$/, '$1'), port, hostname: hostname || null };
}

function parseNodeLine(line: string): ClusterNodeLine {
  const fields = line.trim().split(' ');
  if (fields.length < 8) throw new ClusterParseError(`a CLUSTER NODES line has ${fields.length} fields, 8 or more expected: "${line}"`);
  const [id, address, flagText, master, , , epoch, link, ...slotFields] = fields as [string, string, string, string, string, string, string, string, ...string[]];
  if (!NODE_ID.test(id)) throw new ClusterParseError(`"${id}" is not a node id`);
  if (link !== 'connected' && link !== 'disconnected') throw new ClusterParseError(`link state "${link}" in "${line}"`);
  const flags = flagText.split(',');
  const isMaster = flags.includes('master');
  if (!isMaster && !flags.includes('slave') && !flags.includes('replica')) throw new ClusterParseError(`no role in "${line}"`);
  const node: ClusterNodeLine = {
    id,
    ...parseAddress(address, line),
    role: isMaster ? 'master' : 'replica',
    masterId: master === '-' ? null : master,
    myself: flags.includes('myself'),
    failure: flags.includes('fail') ? 'fail' : flags.includes('fail?') ? 'pfail' : null,
    flags: flags.filter((flag) => !['master', 'slave', 'replica', 'myself', 'fail', 'fail?'].includes(flag)),
    linkState: link,
    configEpoch: Number(epoch),
    slots: [],
    migrating: [],
    importing: [],
  };
  for (const field of slotFields) {
    const moving = /^\[(\d+)-([<>])-([0-9a-f]{40})\]$/.exec(field);
    if (moving) {
      const slot = slotNumber(moving[1]!, line);
      if (moving[2] === '>') node.migrating.push({ slot, to: moving[3]! });
      else node.importing.push({ slot, from: moving[3]! });
      continue;
    }
    const [start = '', end = start] = field.split('-');
    const range: SlotRange = [slotNumber(start, line), slotNumber(end, line)];
    if (range[1] < range[0]) throw new ClusterParseError(`slot range "${field}" runs backwards`);
    node.slots.push(range);
  }
  return node;
}

/** CLUSTER NODES as one record a node, in the order Redis wrote them. */
export function parseClusterNodes(reply: string): ClusterNodeLine[] {
  const lines = reply.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) throw new ClusterParseError('CLUSTER NODES listed no node');
  return lines.map(parseNodeLine);
}

/** CLUSTER INFO's figures Redlens judges (the API's ClusterStateView). */
export type ClusterInfo = ClusterStateView;

export function parseClusterInfo(reply: string): ClusterInfo {
  const fields = new Map<string, string>();
  for (const line of reply.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  const state = fields.get('cluster_state');
  if (state !== 'ok' && state !== 'fail') throw new ClusterParseError(`cluster_state is "${state ?? 'missing'}"`);
  const count = (name: string) => {
    const value = Number(fields.get(name));
    if (!fields.has(name) || !Number.isInteger(value) || value < 0) throw new ClusterParseError(`${name} is "${fields.get(name) ?? 'missing'}"`);
    return value;
  };
  return {
    state,
    slotsAssigned: count('cluster_slots_assigned'),
    slotsOk: count('cluster_slots_ok'),
    slotsPfail: count('cluster_slots_pfail'),
    slotsFail: count('cluster_slots_fail'),
    knownNodes: count('cluster_known_nodes'),
    size: count('cluster_size'),
    currentEpoch: count('cluster_current_epoch'),
  };
}

/** The number of slots in `ranges`. */
export const slotCount = (ranges: SlotRange[]) => ranges.reduce((sum, [start, end]) => sum + end - start + 1, 0);
