import { describe, expect, it } from 'vitest';
import { entry } from './fixtures';
import { commandsIn, filterEntries, nodesIn, parseSlowlogFilters } from './live-filters';

describe('live filters', () => {
  const entries = [
    entry({ id: 1, args: ['KEYS', '*'], client: '10.0.0.1:5000', clientName: 'worker' }),
    entry({ id: 2, args: ['GET', 'recipe:9'], client: '10.0.0.2:6000', clientName: 'web' }),
    entry({ id: 3, args: ['GETEX', 'recipe:9'], client: '10.0.0.2:6001' }),
  ];

  it('reads trimmed filters from the URL, command upper-cased, blanks ignored', () => {
    expect(parseSlowlogFilters(new URLSearchParams('command=keys&client=%20web%20&text=&range=7d'))).toEqual({
      command: 'KEYS',
      client: 'web',
    });
  });

  it('matches the command whole, the client by address or name, the text anywhere in the command line', () => {
    expect(filterEntries(entries, { command: 'GET' }).map((e) => e.id)).toEqual([2]);
    expect(filterEntries(entries, { client: 'WORK' }).map((e) => e.id)).toEqual([1]);
    expect(filterEntries(entries, { client: '10.0.0.2' }).map((e) => e.id)).toEqual([2, 3]);
    expect(filterEntries(entries, { text: 'RECIPE:9' }).map((e) => e.id)).toEqual([2, 3]);
    expect(filterEntries(entries, { command: 'GETEX', text: 'recipe' }).map((e) => e.id)).toEqual([3]);
    expect(filterEntries(entries, {})).toHaveLength(3);
  });

  it('lists the commands present', () => {
    expect(commandsIn(entries)).toEqual(['GET', 'GETEX', 'KEYS']);
  });

  it('keeps a cluster’s entries of one node, matched whole, and lists the nodes present', () => {
    const a = { address: '127.0.0.1:7001', instanceId: 'shop.127-0-0-1-7001' };
    const b = { address: '127.0.0.1:7002', instanceId: 'shop.127-0-0-1-7002' };
    const merged = [{ ...entries[0]!, node: b }, { ...entries[1]!, node: a }, { ...entries[2]!, node: b }];
    expect(parseSlowlogFilters(new URLSearchParams('node=127.0.0.1:7002'))).toEqual({ node: '127.0.0.1:7002' });
    expect(filterEntries(merged, { node: '127.0.0.1:7002' }).map((e) => e.id)).toEqual([1, 3]);
    expect(filterEntries(merged, { node: '127.0.0.1:700' })).toEqual([]);
    expect(filterEntries(merged, { node: '127.0.0.1:7001', command: 'GET' }).map((e) => e.id)).toEqual([2]);
    expect(nodesIn(merged)).toEqual(['127.0.0.1:7001', '127.0.0.1:7002']);
    expect(nodesIn(entries)).toEqual([]);
  });

});
