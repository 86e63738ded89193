import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClientLine, parseClientList } from '@/lib/redis/parse/parse-client-list';
import { groupBy, hostOf, libraryOf, summarizeClients, viewOf } from './summarize';

const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, '..', 'redis', 'parse', 'fixtures', name), 'utf8');
const at = new Date('2026-11-26T03:00:00Z');

describe('summarizeClients', () => {
  it('flags the Redis 6.2 clients and counts Redlens’s own apart', () => {
    const summary = summarizeClients({ list: parseClientList(fixture('client-list-6.2.txt')), ownIds: new Set(), clientsMax: 50, fetchedAt: at });
    const flagsOf = (id: number) => summary.clients.find((client) => client.id === id)!.flagged;
    expect(flagsOf(3)).toEqual(['own']);
    expect(flagsOf(4)).toEqual([]);
    expect(flagsOf(5)).toEqual(['idle', 'blocked']);
    expect(flagsOf(6)).toEqual(['big-buffers', 'pubsub']);
    expect(flagsOf(7)).toEqual(['replica']);
    expect(summary).toMatchObject({ total: 5, own: 1, truncated: false, limit: 10_000, target: { clientsMax: 50, pool: { min: 2, max: 20 } } });
    expect(summary.flagCounts).toEqual({ own: 1, idle: 1, 'big-buffers': 1, blocked: 1, pubsub: 1, replica: 1, master: 0 });
    expect(summary.groups.byHost.map((group) => [group.key, group.count])).toEqual([['10.0.4.17', 2], ['10.0.0.6', 1], ['10.0.4.18', 1], ['127.0.0.1', 1]]);
    expect(summary.groups.byName.find((group) => group.key === 'redlens')).toMatchObject({ count: 1, own: 1 });
    expect(summary.groups.byHost[0]).toMatchObject({ key: '10.0.4.17', maxIdleSeconds: 86_000 });
    expect(summary.groups.byLibrary).toEqual([expect.objectContaining({ key: '', count: 5 })]);
    expect(summary.librariesReported).toBe(false);
  });

  it('marks the connection that read the list as own by its id, even unnamed', () => {
    const list = parseClientList(fixture('client-list-7.0.txt'));
    const summary = summarizeClients({ list, ownIds: new Set([16]), clientsMax: 50, fetchedAt: at });
    expect(summary.clients.filter((client) => client.own).map((client) => client.id).sort()).toEqual([10, 11, 16]);
    expect(summary.own).toBe(3);
    // The unfinished 2 MB SET's query buffer is flagged.
    expect(summary.clients.find((client) => client.id === 16)!.flagged).toContain('big-buffers');
    expect(summary.clients.find((client) => client.id === 8)!.flagged).toEqual(['replica']);
  });

  it('counts own connections past the bound and says the list was cut', () => {
    const lines = fixture('client-list-6.2.txt').trim().split('\n');
    const summary = summarizeClients({ list: parseClientList([...lines.slice(1), lines[0]].join('\n'), 2), ownIds: new Set(), clientsMax: 50, fetchedAt: at });
    expect(summary).toMatchObject({ total: 5, own: 1, truncated: true });
    expect(summary.clients).toHaveLength(2);
  });

  it('groups by library name and version (Redis 7.2)', () => {
    const base = 'id=1 addr=10.1.1.1:1 name= age=1 idle=1 flags=N db=0 cmd=get qbuf=0 omem=0 tot-mem=1';
    const rows = ['lib-name=redis-py lib-ver=5.0.1', 'lib-name=redis-py lib-ver=5.0.1', 'lib-name=ioredis lib-ver=', ''].map((lib, i) =>
      viewOf(parseClientLine(`${base.replace('id=1', `id=${i + 1}`)} ${lib}`), new Set()));
    expect(groupBy(rows, libraryOf).map((group) => [group.key, group.count]))
      .toEqual([['redis-py 5.0.1', 2], ['', 1], ['ioredis', 1]]);
  });
});

describe('hostOf', () => {
  it.each([
    ['10.0.0.1:6379', '10.0.0.1'],
    ['[::1]:51234', '::1'],
    ['/tmp/redis.sock:0', '/tmp/redis.sock'],
  ])('%s -> %s', (addr, host) => {
    expect(hostOf(addr)).toBe(host);
  });
});
