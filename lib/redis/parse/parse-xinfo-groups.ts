// Parses the reply of XINFO GROUPS: one flat [name, value, ...] array per consumer group. Pure.

export class XinfoParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XinfoParseError';
  }
}

export interface XinfoGroup {
  name: string;
  consumers: number;
  pending: number;
  lastDeliveredId: string;
  /** Entries not yet delivered to the group (Redis 7+); null when Redis cannot tell (after XDEL). */
  lag?: number | null;
}

/** One group's flat [name, value, ...] array; names and ids may come as Buffers or strings. */
export function parseXinfoGroup(flat: unknown[]): XinfoGroup {
  const record: Record<string, unknown> = {};
  for (let i = 0; i + 1 < flat.length; i += 2) record[String(flat[i])] = flat[i + 1];
  const lag = record.lag;
  return {
    name: String(record.name ?? ''),
    consumers: Number(record.consumers ?? 0),
    pending: Number(record.pending ?? 0),
    lastDeliveredId: String(record['last-delivered-id'] ?? ''),
    ...(lag !== undefined && { lag: lag === null ? null : Number(lag) }),
  };
}

/** Every group of a stream; throws XinfoParseError on anything but an array of arrays. */
export function parseXinfoGroups(reply: unknown): XinfoGroup[] {
  if (!Array.isArray(reply)) throw new XinfoParseError('XINFO GROUPS did not answer with an array');
  return reply.map((group: unknown) => {
    if (!Array.isArray(group)) throw new XinfoParseError('XINFO GROUPS answered a group that is not an array');
    return parseXinfoGroup(group);
  });
}
