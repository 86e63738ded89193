// Redlens's own load on one Redis (SPEC section 8): the commands it sent and the keyspace hits
// and misses they made, counted as replies arrive on every connection Redlens opens to that
// instance (the shared ioredis client, its per-db duplicates, the key browser's RespPipes).
// The sampler reads these monotonic counts beside each INFO and subtracts their growth from the
// counter deltas, so ops/s, hits/s, misses/s and the hit ratio are the application's.
import 'server-only';
import type Redis from 'ioredis';
import { ownEffectOf, type AnyReply, type OwnEffect } from './parse/own-lookups';

export type OwnCounts = OwnEffect;

/**
 * Commands whose first argument is a subcommand: Redis 7's commandstats counts them as
 * `config|get`, `client|setname`... (Redis 6 as `config`: sum the `name|...` keys for it).
 */
const CONTAINERS = new Set(['acl', 'client', 'cluster', 'command', 'config', 'function', 'latency', 'memory', 'module', 'object', 'pubsub', 'script', 'slowlog', 'xinfo', 'xgroup']);

/** The commandstats name of a command: `get`, `config|get`. */
export function commandstatName(name: string, args: ReadonlyArray<string | Buffer | number>): string {
  const command = name.toLowerCase();
  return CONTAINERS.has(command) && args[0] !== undefined ? `${command}|${String(args[0]).toLowerCase()}` : command;
}

const isQueued = (reply: AnyReply) => reply === 'QUEUED' || (Buffer.isBuffer(reply) && reply.length === 6 && reply.toString() === 'QUEUED');

export class OwnTraffic {
  private readonly counts: OwnCounts = { commands: 0, hits: 0, misses: 0 };
  /** Calls per commandstats name (a queued command counts under its own name, as Redis counts it at EXEC). */
  private readonly calls = new Map<string, number>();
  /** Connections to this Redis open now (every ioredis client and RespPipe Redlens holds). */
  private open = 0;

  /** Counts one command and the reply it got (undefined: none came). */
  note(name: string, args: ReadonlyArray<string | Buffer | number>, reply: AnyReply): void {
    const effect = ownEffectOf(name, args, reply);
    this.counts.commands += effect.commands;
    this.counts.hits += effect.hits;
    this.counts.misses += effect.misses;
    if (effect.commands > 0 || isQueued(reply)) {
      const key = commandstatName(name, args);
      this.calls.set(key, (this.calls.get(key) ?? 0) + 1);
    }
  }

  /** Calls per commandstats name since Redlens started (a copy): the commands page takes them out. */
  callsByCommand(): Map<string, number> {
    return new Map(this.calls);
  }

  /** A connection of Redlens's opened (true) or closed (false): clients-high does not count them (SPEC 8). */
  connection(opened: boolean): void {
    this.open = Math.max(0, this.open + (opened ? 1 : -1));
  }

  /** Connections Redlens holds to this Redis now. */
  get connections(): number {
    return this.open;
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
  // 'ready' after every (re)connect, 'close' after every drop: counted once each way.
  let connected = false;
  client.on('ready', () => {
    if (!connected) traffic.connection((connected = true));
  });
  client.on('close', () => {
    if (connected) traffic.connection((connected = false));
  });
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
