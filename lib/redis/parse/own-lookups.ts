// What one of Redlens's own commands did to INFO's counters (SPEC section 8): whether Redis
// counted it in total_commands_processed, and the keyspace hits and misses it added. Pure: the
// command's name, its arguments and the reply Redis gave are enough. lib/redis/own-traffic.ts
// adds these up per instance so the sampler can take them out of the deltas.
// Checked against a real Redis in ../own-lookups.int.test.ts, command by command.

export interface OwnEffect {
  commands: number;
  hits: number;
  misses: number;
}

/** A reply as ioredis or RespPipe hand it over (an error reply is an Error). */
export type AnyReply = string | number | Buffer | null | Error | AnyReply[] | undefined;

const NONE: OwnEffect = { commands: 0, hits: 0, misses: 0 };
const COUNTED: OwnEffect = { commands: 1, hits: 0, misses: 0 };
const HIT: OwnEffect = { commands: 1, hits: 1, misses: 0 };
const MISS: OwnEffect = { commands: 1, hits: 0, misses: 1 };

/**
 * Errors Redis returns before it runs a command (processCommand refuses it): those are not in
 * total_commands_processed. An error the command itself returns (WRONGTYPE, "no such key",
 * WRONGPASS from AUTH, EXECABORT from EXEC) is: the command ran.
 */
const REFUSED = /^(NOPERM|NOAUTH|LOADING|BUSY|OOM|READONLY|MASTERDOWN|MISCONF|ERR unknown (sub)?command|ERR wrong number of arguments|ERR unknown or disabled)/i;

/** The key was found, then its type checked: Redis counted the hit before it refused the type. */
const WRONGTYPE = /^WRONGTYPE/;

const text = (reply: AnyReply): string | null =>
  typeof reply === 'string' ? reply : Buffer.isBuffer(reply) ? reply.toString('latin1') : null;

const isEmpty = (reply: AnyReply) => reply === null || (Array.isArray(reply) && reply.length === 0) || text(reply) === '';

/** [cursor, elements]: a missing key answers cursor 0 and nothing. */
const scanFound = (reply: AnyReply) =>
  !(Array.isArray(reply) && text(reply[0] as AnyReply) === '0' && isEmpty(reply[1] as AnyReply));

/**
 * Commands that look one key up, and how the reply tells a missing key. Redis never keeps an
 * empty collection, so a zero length or an empty page means missing. An empty page of a key that
 * exists (a range past the end, a score range or MATCH with nothing in it) is counted as a miss
 * though Redis counted a hit: one lookup off per such page, and Redlens asks TYPE first.
 * MEMORY USAGE is not here: Redis finds the key without counting a lookup.
 */
const LOOKUPS: Record<string, (reply: AnyReply) => boolean> = {
  type: (reply) => text(reply) !== 'none',
  pttl: (reply) => reply !== -2,
  ttl: (reply) => reply !== -2,
  strlen: (reply) => reply !== 0,
  hlen: (reply) => reply !== 0,
  llen: (reply) => reply !== 0,
  scard: (reply) => reply !== 0,
  zcard: (reply) => reply !== 0,
  xlen: (reply) => reply !== 0,
  getrange: (reply) => !isEmpty(reply),
  lrange: (reply) => !isEmpty(reply),
  zrange: (reply) => !isEmpty(reply),
  xrange: (reply) => !isEmpty(reply),
  xrevrange: (reply) => !isEmpty(reply),
  hscan: scanFound,
  sscan: scanFound,
  zscan: scanFound,
  get: (reply) => reply !== null,
};

/** XINFO answers an error for a missing key; any other answer means it was there. */
const xinfoFound = (reply: AnyReply) => !(reply instanceof Error && /no such key/i.test(reply.message));

/** Subcommands of a container command that look their key up (OBJECT ENCODING key, XINFO GROUPS key). */
const SUB_LOOKUPS: Record<string, Record<string, (reply: AnyReply) => boolean>> = {
  object: { encoding: (reply) => reply !== null, freq: (reply) => reply !== null, idletime: (reply) => reply !== null, refcount: (reply) => reply !== null },
  xinfo: { groups: xinfoFound, stream: xinfoFound, consumers: xinfoFound },
};

/** A lookup command's effect: WRONGTYPE is a hit, another error came before the lookup. */
function lookupEffect(found: (reply: AnyReply) => boolean, reply: AnyReply, missingIsError: boolean): OwnEffect {
  if (reply instanceof Error) {
    if (WRONGTYPE.test(reply.message)) return HIT;
    if (!missingIsError) return COUNTED;
  }
  return found(reply) ? HIT : MISS;
}

/**
 * The effect of one command Redlens sent and the reply it got. `reply` undefined: no reply came
 * (a timeout, a dropped connection), so whether Redis ran it is unknown and it is not counted.
 */
export function ownEffectOf(name: string, args: ReadonlyArray<string | Buffer | number>, reply: AnyReply): OwnEffect {
  if (reply === undefined) return NONE;
  if (reply instanceof Error && REFUSED.test(reply.message)) return NONE;
  // Queued inside MULTI: Redis runs (and counts) it at EXEC, or never when EXEC aborts.
  if (text(reply) === 'QUEUED') return NONE;
  const command = name.toLowerCase();
  // EXEC ran and so did every queued command (one reply each); what they looked up is not known
  // here (Redlens's transactions are SLOWLOG and INFO, no lookups). EXECABORT: EXEC alone ran.
  if (command === 'exec') return { ...COUNTED, commands: 1 + (Array.isArray(reply) ? reply.length : 0) };
  if (command === 'exists') {
    // EXISTS k1 k2 ... looks each key up; the reply is how many were there.
    if (typeof reply !== 'number') return COUNTED;
    return { commands: 1, hits: reply, misses: Math.max(0, args.length - reply) };
  }
  const single = LOOKUPS[command];
  if (single) return lookupEffect(single, reply, false);
  const sub = SUB_LOOKUPS[command]?.[String(args[0] ?? '').toLowerCase()];
  if (sub) return lookupEffect(sub, reply, command === 'xinfo');
  return COUNTED;
}
