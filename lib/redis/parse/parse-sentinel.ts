// Parses SENTINEL MASTER / REPLICAS / SENTINELS <name>: flat [field, value, ...] arrays, one for
// the master, one per replica or sentinel (RESP2, Redis 6.2 and 7 alike). Pure. A malformed reply
// throws SentinelParseError, never an empty view.
import type { SentinelMasterView, SentinelPeerView } from '@/lib/api/sentinel';
import type { AnyReply } from './own-lookups';

export class SentinelParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SentinelParseError';
  }
}

const text = (value: AnyReply): string | null =>
  typeof value === 'string' ? value : Buffer.isBuffer(value) ? value.toString('utf8') : typeof value === 'number' ? String(value) : null;

/** One [field, value, ...] array as a record. */
export function sentinelRecord(reply: AnyReply, what: string): Record<string, string> {
  if (!Array.isArray(reply) || reply.length % 2 !== 0) throw new SentinelParseError(`${what} is not a list of field / value pairs`);
  const record: Record<string, string> = {};
  for (let i = 0; i < reply.length; i += 2) {
    const field = text(reply[i]);
    const value = text(reply[i + 1]);
    if (field === null || value === null) throw new SentinelParseError(`${what} has a field that is not text at ${i}`);
    record[field] = value;
  }
  return record;
}

function required(record: Record<string, string>, field: string, what: string): string {
  const value = record[field];
  if (value === undefined || value === '') throw new SentinelParseError(`${what} has no ${field}`);
  return value;
}

function count(record: Record<string, string>, field: string, what: string): number {
  const value = Number(required(record, field, what));
  if (!Number.isSafeInteger(value) || value < 0) throw new SentinelParseError(`${what} ${field} is not a count: ${record[field]}`);
  return value;
}

/** A number when present and numeric, else null (fields differ between versions). */
function optionalNumber(record: Record<string, string>, field: string): number | null {
  const value = record[field];
  if (value === undefined || value === '') return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

const hostPort = (ip: string, port: string) => `${ip.includes(':') ? `[${ip}]` : ip}:${port}`;
const flagsOf = (record: Record<string, string>) => (record.flags ?? '').split(',').filter((flag) => flag !== '');

/** SENTINEL MASTER <name>. */
export function parseSentinelMaster(reply: AnyReply): SentinelMasterView {
  const what = 'SENTINEL MASTER';
  const record = sentinelRecord(reply, what);
  return {
    name: required(record, 'name', what),
    address: hostPort(required(record, 'ip', what), required(record, 'port', what)),
    flags: flagsOf(record),
    quorum: count(record, 'quorum', what),
    replicas: count(record, 'num-slaves', what),
    otherSentinels: count(record, 'num-other-sentinels', what),
    downAfterMs: optionalNumber(record, 'down-after-milliseconds'),
    failoverTimeoutMs: optionalNumber(record, 'failover-timeout'),
    configEpoch: optionalNumber(record, 'config-epoch'),
  };
}

function peer(row: AnyReply, what: string): SentinelPeerView {
  const record = sentinelRecord(row, what);
  const runId = record.runid;
  // last-ok-ping-reply is the time since the last good answer; a sentinel that never got one says so in flags.
  const lastOk = optionalNumber(record, 'last-ok-ping-reply');
  const view: SentinelPeerView = {
    address: hostPort(required(record, 'ip', what), required(record, 'port', what)),
    flags: flagsOf(record),
    runId: runId !== undefined && runId !== '' ? runId : null,
    lastOkPingMs: lastOk,
  };
  if (record['master-link-status'] !== undefined) view.masterLinkStatus = record['master-link-status'];
  if (record['master-host'] !== undefined && record['master-port'] !== undefined) view.following = hostPort(record['master-host'], record['master-port']);
  const offset = optionalNumber(record, 'slave-repl-offset');
  if (offset !== null) view.replicaOffset = offset;
  const priority = optionalNumber(record, 'slave-priority');
  if (priority !== null) view.priority = priority;
  return view;
}

function peers(reply: AnyReply, what: string): SentinelPeerView[] {
  if (!Array.isArray(reply)) throw new SentinelParseError(`${what} is not an array`);
  return reply.map((row, index) => peer(row, `${what} entry ${index}`));
}

/** SENTINEL REPLICAS <name> (SLAVES before Redis 5): the replicas the sentinel knows. */
export const parseSentinelReplicas = (reply: AnyReply): SentinelPeerView[] => peers(reply, 'SENTINEL REPLICAS');

/** SENTINEL SENTINELS <name>: the other sentinels (the one asked is not listed). */
export const parseSentinelSentinels = (reply: AnyReply): SentinelPeerView[] => peers(reply, 'SENTINEL SENTINELS');
