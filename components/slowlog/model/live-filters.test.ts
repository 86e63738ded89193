import { describe, expect, it } from 'vitest';
import { entry } from './fixtures';
import { commandsIn, filterEntries, parseSlowlogFilters } from './live-filters';

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

});
