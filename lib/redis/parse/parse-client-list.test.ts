import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClientListParseError, parseClientLine, parseClientList } from './parse-client-list';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('parseClientList', () => {
  it('reads every client of a Redis 7.0 CLIENT LIST (captured)', () => {
    const { rows, total, ownNamedPastLimit } = parseClientList(fixture('client-list-7.0.txt'));
    expect(total).toBe(10);
    expect(rows).toHaveLength(10);
    expect(ownNamedPastLimit).toBe(0);
    const byName = (name: string) => rows.find((row) => row.name === name)!;
    expect(byName('worker')).toMatchObject({ id: 12, flags: 'b', cmd: 'blpop', db: 0 });
    expect(byName('events')).toMatchObject({ flags: 'P', subscriptions: 1, cmd: 'psubscribe' });
    expect(byName('redlens-keys')).toMatchObject({ id: 11, db: 3, addr: '127.0.0.1:43812' });
    expect(byName('redlens')).toMatchObject({ cmd: 'client|list', queryBufferBytes: 26, queryBufferAllocatedBytes: 26 + 20448, user: 'default' });
    expect(rows.find((row) => row.flags === 'S')).toMatchObject({ id: 8, cmd: 'psync', name: '' });
    // An unfinished 2 MB SET: 100,000 bytes read, 2 MB allocated for the rest.
    expect(rows.find((row) => row.id === 16)).toMatchObject({ cmd: 'NULL', queryBufferBytes: 100_000, queryBufferAllocatedBytes: 2_000_000, totalMemoryBytes: 2_098_966 });
    // Redis 7.0 reports no library.
    expect(rows.every((row) => row.libName === null && row.libVer === null)).toBe(true);
  });

  it('reads the Redis 6.2 format (written from its source: no ssub, resp or lib fields, bare cmd names)', () => {
    const { rows } = parseClientList(fixture('client-list-6.2.txt'));
    expect(rows.map((row) => row.id)).toEqual([3, 4, 5, 6, 7]);
    expect(rows[0]).toMatchObject({ name: 'redlens', cmd: 'client', queryBufferAllocatedBytes: 26 + 40928 });
    expect(rows[2]).toMatchObject({ name: 'worker', flags: 'b', db: 2, idleSeconds: 86_000, ageSeconds: 90_000 });
    expect(rows[3]).toMatchObject({ name: '', flags: 'P', subscriptions: 2, outputBufferBytes: 2_097_152 });
    expect(rows[4]).toMatchObject({ flags: 'S', addr: '10.0.0.6:6379' });
  });

  it('reads lib-name and lib-ver of Redis 7.2 (format from its source), empty ones as absent', () => {
    const line = 'id=21 addr=127.0.0.1:50000 laddr=127.0.0.1:6379 fd=9 name=api age=5 idle=1 flags=N db=0 sub=0 psub=0 ssub=0 multi=-1 qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 rbs=1024 rbp=0 obl=0 oll=0 omem=0 tot-mem=1928 events=r cmd=get user=default redir=-1 resp=2 lib-name=redis-py lib-ver=5.0.1';
    expect(parseClientLine(line)).toMatchObject({ libName: 'redis-py', libVer: '5.0.1' });
    expect(parseClientLine(line.replace('lib-name=redis-py lib-ver=5.0.1', 'lib-name= lib-ver='))).toMatchObject({ libName: null, libVer: null });
  });

  it('reads CLIENT INFO (captured from 7.0) as one row', () => {
    expect(parseClientLine(fixture('client-info-7.0.txt'))).toMatchObject({ id: 10, name: 'redlens', cmd: 'client|info' });
  });

  it('keeps an = inside a name', () => {
    const line = fixture('client-list-6.2.txt').split('\n')[1]!.replace('name=pool-a', 'name=a=b');
    expect(parseClientLine(line).name).toBe('a=b');
  });

  it('parses at most maxRows lines and counts the rest, with the redlens ones among them', () => {
    const lines = fixture('client-list-6.2.txt').trim().split('\n');
    const reply = [...lines, lines[0]!.replace('id=3', 'id=99'), lines[1]!.replace('id=4', 'id=100')].join('\n');
    const list = parseClientList(reply, 5);
    expect(list.rows).toHaveLength(5);
    expect(list.total).toBe(7);
    expect(list.ownNamedPastLimit).toBe(1);
    // Past the bound nothing is parsed: a broken line there costs nothing.
    expect(parseClientList(`${lines[0]}\nnot a client`, 1).total).toBe(2);
  });

  it('reads an empty reply as no clients', () => {
    expect(parseClientList('')).toEqual({ rows: [], total: 0, ownNamedPastLimit: 0 });
  });

  it.each([
    ['a non-text reply', 42],
    ['a line without field=value', 'id=1 addr=x name= age=0 idle=0 flags=N db=0 cmd=ping qbuf=0 omem=0 tot-mem=1 garbage'],
    ['a missing field', 'id=1 addr=x name= age=0 idle=0 flags=N db=0 cmd=ping qbuf=0 omem=0'],
    ['a non-numeric count', 'id=one addr=x name= age=0 idle=0 flags=N db=0 cmd=ping qbuf=0 omem=0 tot-mem=1'],
    ['a negative idle', 'id=1 addr=x name= age=0 idle=-5 flags=N db=0 cmd=ping qbuf=0 omem=0 tot-mem=1'],
    ['an error text', 'ERR unknown command'],
  ])('throws ClientListParseError on %s', (_what, reply) => {
    expect(() => parseClientList(reply)).toThrow(ClientListParseError);
  });
});
