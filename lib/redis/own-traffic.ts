// Redlens's own load on one Redis (SPEC section 8): the commands it sent and the keyspace hits
// and misses they made, counted as replies arrive on every connection Redlens opens to that
// instance (the shared ioredis client, its per-db duplicates, the key browser's RespPipes).
// The sampler reads these monotonic counts beside each INFO and subtracts their growth from the
// counter deltas, so ops/s, hits/s, misses/s and the hit ratio are the application's.
import 'server-only';
import type Redis from 'ioredis';
import { ownEffectOf, type AnyReply, type OwnEffect } from './parse/own-lookups';

export type OwnCounts = OwnEffect;

export class OwnTraffic {
  private readonly counts: OwnCounts = { commands: 0, hits: 0, misses: 0 };

  /** Counts one command and the reply it got (undefined: none came). */
  note(name: string, args: ReadonlyArray<string | Buffer | number>, reply: AnyReply): void {
    const effect = ownEffectOf(name, args, reply);
    this.counts.commands += effect.commands;
    this.counts.hits += effect.hits;
    this.counts.misses += effect.misses;
  }

  /** Lookups a command made that its reply does not tell (SCAN ... TYPE: see lib/redis/keys.ts). */
  noteLookups(hits: number, misses: number): void {
    this.counts.hits += hits;
    this.counts.misses += misses;
  }

  /** The totals since Redlens started; only their growth between two samples means anything. */
  snapshot(): OwnCounts {
    return { ...this.counts };
  }
}

/** What ioredis hands sendCommand; only the fields read here. */
interface SentCommand {
  name: string;
  args: Array<string | Buffer | number>;
  promise: Promise<unknown>;
}

/**
 * Counts every command `client` sends, pipelines and MULTI included (ioredis sends each through
 * sendCommand), the connection's own AUTH / SELECT / CLIENT SETNAME too. Counted when the reply
 * arrives: a command Redis answered ran before every later reply on any connection.
 */
export function countOwnTraffic(client: Redis, traffic: OwnTraffic): void {
  const send = client.sendCommand.bind(client);
  // ioredis may pass one command through sendCommand again (a resend after a reconnect, the
  // offline queue): its one reply is counted once.
  const seen = new WeakSet<SentCommand>();
  client.sendCommand = ((command: SentCommand, stream?: unknown) => {
    const result = send(command as never, stream as never);
    if (seen.has(command)) return result;
    seen.add(command);
    command.promise.then(
      (reply) => traffic.note(command.name, command.args, reply as AnyReply),
      (error: unknown) => traffic.note(command.name, command.args, isReplyError(error) ? (error as Error) : undefined),
    );
    return result;
  }) as typeof client.sendCommand;
}

/** A reply Redis sent (ReplyError), as opposed to a timeout or a closed connection. */
function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === 'ReplyError';
}
