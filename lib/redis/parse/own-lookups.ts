// What one of Redlens's own commands did to INFO's counters (SPEC section 8): whether Redis
// counted it in total_commands_processed, and the keyspace hits and misses it added. Pure: the
// command's name, its arguments and the reply Redis gave are enough. lib/redis/own-traffic.ts
// adds these up per instance so the sampler can take them out of the deltas.
// Checked against a real Redis in own-lookups.int.test.ts, command by command.

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
 * total_commands_processed. An error the command itself returns (WRONGTYPE, "no such key") is.
 */
const REFUSED = /^(NOPERM|NOAUTH|WRONGPASS|LOADING|BUSY|OOM|READONLY|MASTERDOWN|MISCONF|EXECABORT|NOSCRIPT|ERR unknown (sub)?command|ERR wrong number of arguments|ERR unknown or disabled)/i;

const text = (reply: AnyReply): string | null =>
  typeof reply === 'string' ? reply : Buffer.isBuffer(reply) ? reply.toString('latin1') : null;

const isEmpty = (reply: AnyReply) => reply === null || (Array.isArray(reply) && reply.length === 0) || text(reply) === '';

/** A lookup whose reply says whether the key was there. */
const lookup = (found: boolean): OwnEffect => (found ? HIT : MISS);

/**
 * Commands that look one key up (argument index of the key), and how the reply tells a missing
 * key. Redis never keeps an empty collection, so a zero length or an empty page means missing;
 * an empty string value or a page past the end of a list is counted as a miss too (rare, and
 * Redlens asks TYPE first, which is counted right).
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
  // [cursor, elements]: a missing key answers cursor 0 and nothing.
  hscan: (reply) => !(Array.isArray(reply) && text(reply[0] as AnyReply) === '0' && isEmpty(reply[1] as AnyReply)),
  sscan: (reply) => !(Array.isArray(reply) && text(reply[0] as AnyReply) === '0' && isEmpty(reply[1] as AnyReply)),
  zscan: (reply) => !(Array.isArray(reply) && text(reply[0] as AnyReply) === '0' && isEmpty(reply[1] as AnyReply)),
  get: (reply) => reply !== null,
};

/** Subcommands of a container command that look their key up (OBJECT ENCODING key, XINFO GROUPS key). */
const SUB_LOOKUPS: Record<string, Record<string, (reply: AnyReply) => boolean>> = {
  object: { encoding: (reply) => reply !== null, freq: (reply) => reply !== null, idletime: (reply) => reply !== null, refcount: (reply) => reply !== null },
  xinfo: { groups: (reply) => !(reply instanceof Error), stream: (reply) => !(reply instanceof Error), consumers: (reply) => !(reply instanceof Error) },
};

/**
 * The effect of one command Redlens sent and the reply it got. `reply` undefined: no reply came
 * (a timeout, a dropped connection), so whether Redis ran it is unknown and it is not counted.
 */
export function ownEffectOf(name: string, args: ReadonlyArray<string | Buffer | number>, reply: AnyReply): OwnEffect {
  if (reply === undefined) return NONE;
  if (reply instanceof Error && REFUSED.test(reply.message)) return NONE;
  const command = name.toLowerCase();
  // Queued inside MULTI: run (and counted) by EXEC; what it looked up is not known here.
  if (text(reply) === 'QUEUED') return COUNTED;
  if (command === 'exists') {
    // EXISTS k1 k2 ... looks each key up; the reply is how many were there.
    const found = typeof reply === 'number' ? reply : 0;
    return { commands: 1, hits: found, misses: Math.max(0, args.length - found) };
  }
  const single = LOOKUPS[command];
  if (single) return reply instanceof Error ? COUNTED : lookup(single(reply));
  const sub = SUB_LOOKUPS[command]?.[String(args[0] ?? '').toLowerCase()];
  if (sub) return lookup(sub(reply));
  return COUNTED;
}
