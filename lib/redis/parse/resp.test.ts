import { describe, expect, it, vi } from 'vitest';
import { encodeCommands, RespError, RespParser } from './resp';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('RespParser', () => {
  it('parses the replies of TYPE, PTTL and MEMORY USAGE as Redis sends them', () => {
    const parser = new RespParser();
    const replies = parser.feed(bytes('+string\r\n:-1\r\n:72\r\n+none\r\n:-2\r\n$-1\r\n-NOPERM this user has no permissions\r\n'));
    expect(replies.slice(0, 6)).toEqual(['string', -1, 72, 'none', -2, null]);
    expect(replies[6]).toBeInstanceOf(RespError);
    expect((replies[6] as RespError).message).toBe('NOPERM this user has no permissions');
  });

  it('waits for the rest of a reply split across chunks, at any byte', () => {
    const wire = bytes('+hash\r\n$5\r\nab\r\nc\r\n*2\r\n$1\r\nx\r\n:7\r\n:123456\r\n');
    for (let cut = 0; cut <= wire.length; cut += 1) {
      const parser = new RespParser();
      const replies = [...parser.feed(wire.subarray(0, cut)), ...parser.feed(wire.subarray(cut))];
      expect(replies).toEqual(['hash', Buffer.from('ab\r\nc'), [Buffer.from('x'), 7], 123456]);
    }
  });

  it('joins the chunks of a big bulk string once, when the last of it arrives', () => {
    const value = Buffer.alloc(1024 * 1024, 'v');
    const wire = Buffer.concat([bytes('$1048576\r\n'), value, bytes('\r\n+OK\r\n')]);
    const parser = new RespParser();
    const concat = vi.spyOn(Buffer, 'concat');
    const replies: unknown[] = [];
    for (let at = 0; at < wire.length; at += 65_536) replies.push(...parser.feed(wire.subarray(at, at + 65_536)));
    // One join for the header chunk, one when the value is complete: not one per chunk (17).
    expect(concat.mock.calls.length).toBeLessThanOrEqual(3);
    concat.mockRestore();
    // Buffer.equals, not toEqual: a deep compare of a megabyte, byte by byte, took seconds.
    expect(replies).toHaveLength(2);
    expect(Buffer.isBuffer(replies[0]) && (replies[0] as Buffer).equals(value)).toBe(true);
    expect(replies[1]).toBe('OK');
    expect(parser.buffered).toBe(0);
  });

  it('keeps binary bulk strings byte for byte', () => {
    const payload = Buffer.from([0xff, 0x00, 0x0d, 0x0a, 0xc3]);
    const parser = new RespParser();
    const [reply] = parser.feed(Buffer.concat([bytes('$5\r\n'), payload, bytes('\r\n')]));
    expect(reply).toEqual(payload);
  });

  it('throws on bytes that are not RESP', () => {
    expect(() => new RespParser().feed(bytes('hello\r\n'))).toThrow(/protocol error/);
  });
});

describe('encodeCommands', () => {
  it('writes arrays of bulk strings, binary-safe, with byte lengths of UTF-8 arguments', () => {
    const out = encodeCommands([['TYPE', Buffer.from([0xff, 0x0a])], ['PTTL', 'é']]);
    expect(out).toEqual(Buffer.concat([
      bytes('*2\r\n$4\r\nTYPE\r\n$2\r\n'), Buffer.from([0xff, 0x0a]), bytes('\r\n'),
      bytes('*2\r\n$4\r\nPTTL\r\n$2\r\n'), Buffer.from('é'), bytes('\r\n'),
    ]));
  });
});
