import { describe, expect, it } from 'vitest';
import { configDrift } from './drift';

describe('configDrift', () => {
  it('lists the settings that differ, recommended ones first, and leaves out per-process and secret ones', () => {
    const drift = configDrift([
      { instance: 'a', settings: { 'maxmemory-policy': 'noeviction', port: '6379', databases: '16', hz: '10', requirepass: '(redacted)' }, redacted: ['requirepass'] },
      { instance: 'b', settings: { 'maxmemory-policy': 'allkeys-lru', port: '6380', databases: '16', hz: '20', requirepass: '(redacted)' }, redacted: ['requirepass'] },
    ]);
    expect(drift).toEqual([
      { name: 'maxmemory-policy', recommended: 'allkeys-lru (or allkeys-lfu)', values: [{ instance: 'a', value: 'noeviction' }, { instance: 'b', value: 'allkeys-lru' }] },
      { name: 'hz', values: [{ instance: 'a', value: '10' }, { instance: 'b', value: '20' }] },
    ]);
  });

  it('compares a Redis 6 ziplist name with the Redis 7 listpack name, and a missing setting is no drift', () => {
    const drift = configDrift([
      { instance: 'six', settings: { 'hash-max-ziplist-entries': '128' }, redacted: [] },
      { instance: 'seven', settings: { 'hash-max-listpack-entries': '512', 'hash-max-ziplist-entries': '512', 'lazyfree-lazy-user-flush': 'no' }, redacted: [] },
    ]);
    expect(drift).toEqual([
      { name: 'hash-max-listpack-entries', recommended: '512', values: [{ instance: 'six', value: '128' }, { instance: 'seven', value: '512' }] },
    ]);
  });

  it('finds nothing for one instance', () => {
    expect(configDrift([{ instance: 'a', settings: { hz: '10' }, redacted: [] }])).toEqual([]);
  });
});
