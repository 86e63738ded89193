// ownEffectOf on replies as ioredis (strings, ReplyError) and RespPipe (Buffers, RespError) hand
// them over. What Redis really counts is checked in ../own-lookups.int.test.ts.
import { describe, expect, it } from 'vitest';
import { ownEffectOf } from './own-lookups';
import { RespError } from './resp';

const HIT = { commands: 1, hits: 1, misses: 0 };
const MISS = { commands: 1, hits: 0, misses: 1 };
const RAN = { commands: 1, hits: 0, misses: 0 };
const NOTHING = { commands: 0, hits: 0, misses: 0 };
const key = Buffer.from([0x6b, 0xff]);

/** ioredis rejects with a ReplyError: an Error named so. */
const replyError = (message: string) => Object.assign(new Error(message), { name: 'ReplyError' });

describe('ownEffectOf', () => {
  it('tells a hit from a miss by the reply, whatever its shape', () => {
    expect(ownEffectOf('TYPE', [key], 'hash')).toEqual(HIT);
    expect(ownEffectOf('type', [key], 'none')).toEqual(MISS);
    expect(ownEffectOf('TYPE', [key], Buffer.from('none'))).toEqual(MISS);
    expect(ownEffectOf('PTTL', [key], -1)).toEqual(HIT);
    expect(ownEffectOf('PTTL', [key], -2)).toEqual(MISS);
    expect(ownEffectOf('GETRANGE', [key, '0', '9'], Buffer.from('abc'))).toEqual(HIT);
    expect(ownEffectOf('getrange', ['k', '0', '9'], '')).toEqual(MISS);
    expect(ownEffectOf('GETRANGE', [key, '0', '9'], Buffer.alloc(0))).toEqual(MISS);
    expect(ownEffectOf('LRANGE', [key, '0', '9'], [Buffer.from('a')])).toEqual(HIT);
    expect(ownEffectOf('LRANGE', [key, '0', '9'], [])).toEqual(MISS);
    expect(ownEffectOf('HLEN', [key], 2)).toEqual(HIT);
    expect(ownEffectOf('HLEN', [key], 0)).toEqual(MISS);
  });

  it('reads a *SCAN reply: cursor 0 and nothing is a missing key', () => {
    expect(ownEffectOf('HSCAN', [key, '0'], [Buffer.from('0'), [Buffer.from('f'), Buffer.from('v')]])).toEqual(HIT);
    expect(ownEffectOf('SSCAN', [key, '0'], [Buffer.from('17'), []])).toEqual(HIT);
    expect(ownEffectOf('ZSCAN', [key, '0'], [Buffer.from('0'), []])).toEqual(MISS);
    expect(ownEffectOf('hscan', ['k', '0'], ['0', []])).toEqual(MISS);
  });

  it('reads the subcommand of OBJECT and XINFO', () => {
    expect(ownEffectOf('OBJECT', ['ENCODING', key], 'listpack')).toEqual(HIT);
    expect(ownEffectOf('OBJECT', [Buffer.from('encoding'), key], null)).toEqual(MISS);
    expect(ownEffectOf('XINFO', ['GROUPS', key], [])).toEqual(HIT);
    expect(ownEffectOf('XINFO', ['GROUPS', key], new RespError('ERR no such key'))).toEqual(MISS);
    expect(ownEffectOf('xinfo', ['groups', 'k'], replyError('ERR no such key'))).toEqual(MISS);
    expect(ownEffectOf('OBJECT', ['HELP'], ['...'])).toEqual(RAN);
  });

  it('counts MEMORY USAGE as a command without a lookup (Redis finds the key without counting it)', () => {
    expect(ownEffectOf('MEMORY', ['USAGE', key, 'SAMPLES', '5'], 56)).toEqual(RAN);
    expect(ownEffectOf('MEMORY', ['USAGE', key, 'SAMPLES', '5'], null)).toEqual(RAN);
  });

  it('counts each key of EXISTS', () => {
    expect(ownEffectOf('EXISTS', [key], 1)).toEqual(HIT);
    expect(ownEffectOf('EXISTS', [key, 'a', 'b'], 1)).toEqual({ commands: 1, hits: 1, misses: 2 });
  });

  it('counts WRONGTYPE as a hit: Redis found the key before it checked the type', () => {
    expect(ownEffectOf('HLEN', [key], new RespError('WRONGTYPE Operation against a key holding the wrong kind of value'))).toEqual(HIT);
    expect(ownEffectOf('XINFO', ['GROUPS', key], replyError('WRONGTYPE Operation against a key holding the wrong kind of value'))).toEqual(HIT);
    // An argument error comes before the lookup.
    expect(ownEffectOf('LRANGE', [key, 'x', '1'], new RespError('ERR value is not an integer or out of range'))).toEqual(RAN);
  });

  it('does not count what Redis refused before running it', () => {
    for (const message of [
      "ERR unknown command 'NOPE', with args beginning with: ",
      "ERR unknown subcommand 'NOPE'. Try OBJECT HELP.",
      "ERR wrong number of arguments for 'type' command",
      'NOPERM this user has no permissions to run the \'type\' command',
      'NOAUTH Authentication required.',
      'LOADING Redis is loading the dataset in memory',
      'BUSY Redis is busy running a script.',
      "OOM command not allowed when used memory > 'maxmemory'.",
      "READONLY You can't write against a read only replica.",
      'MISCONF Redis is configured to save RDB snapshots, but it is currently not able to persist on disk.',
    ]) {
      expect(ownEffectOf('TYPE', [key], new RespError(message)), message).toEqual(NOTHING);
      expect(ownEffectOf('TYPE', [key], replyError(message)), message).toEqual(NOTHING);
    }
    // The command ran and answered an error of its own.
    expect(ownEffectOf('AUTH', ['nobody', 'wrong'], replyError('WRONGPASS invalid username-password pair or user is disabled.'))).toEqual(RAN);
  });

  it('counts a transaction at EXEC: MULTI, then each queued command, then EXEC', () => {
    expect(ownEffectOf('MULTI', [], 'OK')).toEqual(RAN);
    expect(ownEffectOf('INFO', ['server'], 'QUEUED')).toEqual(NOTHING);
    expect(ownEffectOf('SLOWLOG', ['GET', '-1'], Buffer.from('QUEUED'))).toEqual(NOTHING);
    expect(ownEffectOf('EXEC', [], ['# Server\r\n...', []])).toEqual({ commands: 3, hits: 0, misses: 0 });
    // Aborted: EXEC ran, nothing queued did.
    expect(ownEffectOf('EXEC', [], replyError('EXECABORT Transaction discarded because of previous errors.'))).toEqual(RAN);
  });

  it('counts nothing without a reply: whether Redis ran it is unknown', () => {
    expect(ownEffectOf('TYPE', [key], undefined)).toEqual(NOTHING);
  });

  it('counts other commands once, without lookups', () => {
    expect(ownEffectOf('SCAN', ['0', 'COUNT', 1000], [Buffer.from('0'), []])).toEqual(RAN);
    expect(ownEffectOf('PING', [], 'PONG')).toEqual(RAN);
    expect(ownEffectOf('UNLINK', [key], 0)).toEqual(RAN);
  });
});
