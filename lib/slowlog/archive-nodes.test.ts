// Several nodes' archives read as one (a Redis Cluster instance's): every page in turn gives each
// node's entries once each, newest first, with their node, for plain pages and for a search that
// stops each node at a different place; the counts and charts add the nodes up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/store/sqlite';
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import { SlowlogArchive } from './archive';
import { slowlogEntriesInWindow } from './entries-in-window';
import type { ArchivedEntry, SlowlogNodeRef } from './types';

const dir = mkdtempSync(path.join(tmpdir(), 'redlens-archive-nodes-'));
const store = openStore(dir);
const archive = new SlowlogArchive(store);
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const NODES: SlowlogNodeRef[] = [
  { instanceId: 'shop.a', address: '127.0.0.1:7001' },
  { instanceId: 'shop.b', address: '127.0.0.1:7002' },
  { instanceId: 'shop.c', address: '127.0.0.1:7003' },
];
const BASE = 1_700_000_000;
/** Node i logs `counts[i]` entries, interleaved in time with the others (some in the same second). */
const COUNTS = [40, 7, 23];
const expected = new Map<string, number>();
NODES.forEach((node, n) => {
  const entries: SlowlogEntry[] = [];
  for (let i = 0; i < COUNTS[n]!; i++) {
    const args = i % 5 === 0 ? ['KEYS', `match:${node.instanceId}:${i}`] : ['GET', `user:${i}`];
    entries.push({ id: i, timestamp: BASE + Math.floor((i * (n + 2)) / 3), durationMicros: 100 + i, args, client: '10.0.0.1:5000', clientName: '' });
  }
  // Redlens's own, hidden by default.
  entries.push({ id: 1000, timestamp: BASE + 1, durationMicros: 5, args: ['INFO'], client: '', clientName: 'redlens' });
  archive.write(node.instanceId, `run-${n}`, entries, null);
  for (const entry of entries) if (entry.clientName === '') expected.set(`${node.instanceId}/${entry.id}`, entry.timestamp);
});

const keyOf = (entry: ArchivedEntry) => `${entry.node!.instanceId}/${entry.id}`;
const window = { from: 0, to: (BASE + 100) * 1000 };

async function allPages(filter: { limit: number; q?: string }) {
  const seen: ArchivedEntry[] = [];
  let before: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const page = await archive.queryNodes(NODES, { ...filter, before, own: 'hide', ...window }, window.to);
    seen.push(...page.entries);
    if (!page.nextCursor) return { seen, pages: pages + 1 };
    before = page.nextCursor;
  }
  throw new Error('paging did not end');
}

describe('the archive of several nodes', () => {
  it('pages through every node’s entries once each, newest first, each with its node', async () => {
    for (const limit of [1, 4, 9, 500]) {
      const { seen } = await allPages({ limit });
      expect(seen.map(keyOf).sort()).toEqual([...expected.keys()].sort());
      const times = seen.map((entry) => entry.timestamp);
      expect(times).toEqual([...times].sort((a, b) => b - a));
      for (const entry of seen) expect(entry.node).toEqual(NODES.find((node) => node.instanceId === entry.node!.instanceId));
    }
  });

  it('finds every match of a search across the nodes', async () => {
    const { seen } = await allPages({ limit: 2, q: 'keys match' });
    const matches = [...expected.keys()].filter((key) => Number(key.split('/')[1]) % 5 === 0);
    expect(seen.map(keyOf).sort()).toEqual(matches.sort());
  });

  it('adds the nodes’ rollups up: total, hidden own entries and the ranking', async () => {
    const page = await archive.queryNodes(NODES, { limit: 5, own: 'hide', ...window }, window.to);
    expect(page.total).toBe(expected.size);
    expect(page.own).toEqual({ shown: false, hidden: 3 });
    const get = page.analysis.fingerprints.find((stat) => stat.fingerprint.startsWith('GET'));
    expect(get?.count).toBe([...expected.keys()].filter((key) => Number(key.split('/')[1]) % 5 !== 0).length);
    expect(page.analysis.perMinute.reduce((sum, [, count]) => sum + count, 0)).toBe(expected.size);
  });

  it('counts the nodes’ entries of a window together for "what changed", Redlens’s own left out', () => {
    const ids = NODES.map((node) => node.instanceId);
    const inWindow = (from: number, to: number) => [...expected.values()].filter((ts) => ts >= from && ts < to).length;
    expect(slowlogEntriesInWindow(store, ids, window.from, window.to)).toBe(expected.size);
    expect(slowlogEntriesInWindow(store, ids, (BASE + 3) * 1000, (BASE + 9) * 1000)).toBe(inWindow(BASE + 3, BASE + 9));
    expect(slowlogEntriesInWindow(store, 'shop.b', window.from, window.to)).toBe(COUNTS[1]);
  });
});
