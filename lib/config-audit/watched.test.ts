import { describe, expect, it } from 'vitest';
import { pickWatchedSettings, WATCHED_SETTINGS } from './watched';

describe('pickWatchedSettings', () => {
  it('keeps only the watched names, never a secret', () => {
    const picked = pickWatchedSettings({ maxmemory: '0', requirepass: 'hunter2', 'maxmemory-policy': 'noeviction', dir: '/data', save: '' });
    expect(picked).toEqual({ maxmemory: '0', 'maxmemory-policy': 'noeviction', save: '' });
  });

  it('counts a Redis 7 alias once, by its new name, and takes the old name on Redis 6', () => {
    const redis7 = pickWatchedSettings({ 'hash-max-listpack-entries': '512', 'hash-max-ziplist-entries': '512' });
    expect(redis7).toEqual({ 'hash-max-listpack-entries': '512' });
    const redis6 = pickWatchedSettings({ 'hash-max-ziplist-entries': '256' });
    expect(redis6).toEqual({ 'hash-max-ziplist-entries': '256' });
  });

  it('watches section 3 and maxclients, save, appendonly', () => {
    for (const name of ['maxmemory', 'appendfsync', 'slowlog-max-len', 'io-threads', 'maxclients', 'save', 'appendonly']) {
      expect(WATCHED_SETTINGS).toContain(name);
    }
  });
});
