import { describe, expect, it } from 'vitest';
import type { ClientGroup, ClientView } from '@/lib/clients/types';
import { filterClients, poolNote, sortClients, sortGroups, targetVerdict } from './clients-view-model';

const client = (id: number, fields: Partial<ClientView> = {}): ClientView => ({
  id, addr: `10.0.0.${id}:5000`, name: '', libName: null, libVer: null, ageSeconds: 0, idleSeconds: 0, db: 0, cmd: 'get',
  flags: 'N', subscriptions: 0, queryBufferBytes: 0, queryBufferAllocatedBytes: 0, outputBufferBytes: 0, totalMemoryBytes: 0,
  user: 'default', bufferBytes: 0, own: false, flagged: [], ...fields,
});

const group = (key: string, count: number, fields: Partial<ClientGroup> = {}): ClientGroup =>
  ({ key, count, own: 0, maxIdleSeconds: 0, bufferBytes: 0, ...fields });

describe('sortClients', () => {
  const clients = [client(1, { idleSeconds: 5, ageSeconds: 50, bufferBytes: 10 }), client(2, { idleSeconds: 500, ageSeconds: 5, bufferBytes: 0 }), client(3, { idleSeconds: 5, ageSeconds: 500, bufferBytes: 2_000_000 })];
  it.each([
    ['idle', [2, 1, 3]],
    ['age', [3, 1, 2]],
    ['buffers', [3, 1, 2]],
  ] as const)('by %s, biggest first, ties by id', (sort, ids) => {
    expect(sortClients(clients, sort).map((c) => c.id)).toEqual(ids);
  });
  it('ascending on request, without touching its input', () => {
    expect(sortClients(clients, 'age', true).map((c) => c.id)).toEqual([2, 1, 3]);
    expect(clients.map((c) => c.id)).toEqual([1, 2, 3]);
  });
});

describe('filterClients', () => {
  const clients = [client(1, { name: 'pool-a', flagged: ['idle'] }), client(2, { name: 'worker', cmd: 'blpop', flagged: ['blocked'] }), client(13, { libName: 'redis-py' })];
  it('matches name, address, command, library and id, case-insensitively', () => {
    expect(filterClients(clients, { text: 'POOL', flag: null }).map((c) => c.id)).toEqual([1]);
    expect(filterClients(clients, { text: 'blpop', flag: null }).map((c) => c.id)).toEqual([2]);
    expect(filterClients(clients, { text: '10.0.0.13', flag: null }).map((c) => c.id)).toEqual([13]);
    expect(filterClients(clients, { text: 'redis-py', flag: null }).map((c) => c.id)).toEqual([13]);
    expect(filterClients(clients, { text: '  ', flag: null })).toHaveLength(3);
  });
  it('keeps only the clients with a flag', () => {
    expect(filterClients(clients, { text: '', flag: 'blocked' }).map((c) => c.id)).toEqual([2]);
    expect(filterClients(clients, { text: 'pool', flag: 'blocked' })).toEqual([]);
  });
});

describe('sortGroups', () => {
  const groups = [group('b', 2, { maxIdleSeconds: 9 }), group('a', 2, { bufferBytes: 5 }), group('c', 7)];
  it.each([
    ['count', ['c', 'a', 'b']],
    ['key', ['a', 'b', 'c']],
    ['idle', ['b', 'a', 'c']],
    ['buffers', ['a', 'b', 'c']],
  ] as const)('by %s', (sort, keys) => {
    expect(sortGroups(groups, sort).map((g) => g.key)).toEqual(keys);
  });
});

describe('poolNote and targetVerdict', () => {
  const pool = { min: 2, max: 20 };
  it('says nothing up to 20 connections (Redlens’s own left out), and which advice is broken above', () => {
    expect(poolNote(group('10.0.0.1', 20), pool, true)).toBeNull();
    expect(poolNote(group('10.0.0.1', 22, { own: 2 }), pool, true)).toBeNull();
    expect(poolNote(group('10.0.0.1', 21), pool, true)).toMatch(/21 connections from one host: above a pool of 2-20/);
    expect(poolNote(group('pool-a', 60), pool, false)).toMatch(/60 connections: more than one pool of 20/);
  });
  it('judges the count without Redlens’s own against clientsMax as clients-high does', () => {
    expect(targetVerdict(53, 3, 50)).toEqual({ counted: 50, verdict: 'ok' });
    expect(targetVerdict(54, 3, 50)).toEqual({ counted: 51, verdict: 'warn' });
  });
});
