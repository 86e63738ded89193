// Parses the reply of CLIENT LIST (and CLIENT INFO, one line of the same format): one client a
// line, `field=value` pairs separated by spaces. Pure. Redis 6.2, 7.0 and 7.2 differ only in
// which fields a line has (7.0 adds ssub, multi-mem, rbs, rbp, resp; 7.2 lib-name, lib-ver), and
// a client name can hold no space (CLIENT SETNAME refuses one), so splitting on spaces is exact.

export class ClientListParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClientListParseError';
  }
}

export interface ClientRow {
  id: number;
  /** The client's address as Redis sees it: `ip:port`, `[v6]:port` or a unix socket path. */
  addr: string;
  /** Empty when the client never called CLIENT SETNAME. */
  name: string;
  /** CLIENT SETINFO lib-name / lib-ver (Redis 7.2+); null when the server does not report it or the client did not set it. */
  libName: string | null;
  libVer: string | null;
  ageSeconds: number;
  idleSeconds: number;
  db: number;
  /** The last command (`get`, `client|list`; `NULL` before the first one). */
  cmd: string;
  /** Redis' flag letters: N none, b blocked, P pub/sub, S replica, M master, x MULTI, O monitor... */
  flags: string;
  /** Channels, patterns and shard channels subscribed (ssub 7.0+). */
  subscriptions: number;
  /** Query buffer: bytes used (qbuf) and allocated (qbuf + qbuf-free). */
  queryBufferBytes: number;
  queryBufferAllocatedBytes: number;
  /** Output buffer memory beyond the static buffer (omem). */
  outputBufferBytes: number;
  /** Everything the client costs Redis (tot-mem). */
  totalMemoryBytes: number;
  /** ACL user (6.0+); null when absent. */
  user: string | null;
}

const REQUIRED = ['id', 'addr', 'name', 'age', 'idle', 'flags', 'db', 'cmd', 'qbuf', 'omem', 'tot-mem'] as const;

/** One `field=value` line as a map; the value may hold `=` (an IPv6 address never does, a name may). */
function fieldsOf(line: string, lineNumber: number): Map<string, string> {
  const fields = new Map<string, string>();
  for (const token of line.split(' ')) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    if (eq <= 0) throw new ClientListParseError(`CLIENT LIST line ${lineNumber}: "${token.slice(0, 40)}" is not field=value`);
    fields.set(token.slice(0, eq), token.slice(eq + 1));
  }
  for (const field of REQUIRED) {
    if (!fields.has(field)) throw new ClientListParseError(`CLIENT LIST line ${lineNumber} has no ${field}`);
  }
  return fields;
}

function integer(fields: Map<string, string>, field: string, lineNumber: number, fallback?: number): number {
  const text = fields.get(field);
  if (text === undefined && fallback !== undefined) return fallback;
  const value = Number(text);
  // multi=-1 and redir=-1 are the only negatives; the fields read here never are.
  if (text === undefined || text === '' || !Number.isSafeInteger(value) || value < 0) {
    throw new ClientListParseError(`CLIENT LIST line ${lineNumber}: ${field}=${String(text).slice(0, 20)} is not a count`);
  }
  return value;
}

const optionalText = (value: string | undefined) => (value === undefined || value === '' ? null : value);

/** One line of CLIENT LIST or the reply of CLIENT INFO. */
export function parseClientLine(line: string, lineNumber = 1): ClientRow {
  const fields = fieldsOf(line.trim(), lineNumber);
  const count = (field: string, fallback?: number) => integer(fields, field, lineNumber, fallback);
  const queryBufferBytes = count('qbuf');
  return {
    id: count('id'),
    addr: fields.get('addr')!,
    name: fields.get('name')!,
    libName: optionalText(fields.get('lib-name')),
    libVer: optionalText(fields.get('lib-ver')),
    ageSeconds: count('age'),
    idleSeconds: count('idle'),
    db: count('db'),
    cmd: fields.get('cmd')!,
    flags: fields.get('flags')!,
    subscriptions: count('sub', 0) + count('psub', 0) + count('ssub', 0),
    queryBufferBytes,
    queryBufferAllocatedBytes: queryBufferBytes + count('qbuf-free', 0),
    outputBufferBytes: count('omem'),
    totalMemoryBytes: count('tot-mem'),
    user: optionalText(fields.get('user')),
  };
}

export interface ClientList {
  /** The first `maxRows` clients, in Redis' order. */
  rows: ClientRow[];
  /** Clients in the reply, the ones past `maxRows` included. */
  total: number;
  /** Clients past `maxRows` whose name starts `redlens` (counted without parsing the line). */
  ownNamedPastLimit: number;
}

const OWN_NAME_FIELD = / name=redlens/;

/**
 * CLIENT LIST's text. Parses at most `maxRows` lines; the rest are only counted (and checked for a
 * `redlens…` name), so a server with 100,000 clients costs one split, not 100,000 parses.
 * Throws ClientListParseError on a line that is not a client.
 */
export function parseClientList(reply: unknown, maxRows = Number.POSITIVE_INFINITY): ClientList {
  const text = typeof reply === 'string' ? reply : Buffer.isBuffer(reply) ? reply.toString('utf8') : null;
  if (text === null) throw new ClientListParseError('CLIENT LIST did not answer with text');
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const rows = lines.slice(0, maxRows).map((line, index) => parseClientLine(line, index + 1));
  const ownNamedPastLimit = lines.slice(rows.length).filter((line) => OWN_NAME_FIELD.test(line)).length;
  return { rows, total: lines.length, ownNamedPastLimit };
}
