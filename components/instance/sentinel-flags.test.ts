import { describe, expect, it } from 'vitest';
import { flagsTone } from './sentinel-flags';

describe('flagsTone', () => {
  it.each([
    [['master'], 'ok'],
    [['slave'], 'ok'],
    [['sentinel'], 'ok'],
    [['master', 's_down'], 'bad'],
    [['master', 's_down', 'o_down'], 'bad'],
    [['slave', 'disconnected'], 'bad'],
    [['master', 'failover_in_progress'], 'warn'],
    [['slave', 'promoted'], 'warn'],
    [[], 'ok'],
  ] as const)('%j reads %s', (flags, tone) => {
    expect(flagsTone(flags)).toBe(tone);
  });
});
