import { describe, expect, it } from 'vitest';
import { progress } from './fixtures';
import { progressView } from './progress';

const full = { mode: 'full' as const, sampleKeys: 100_000 };

describe('progressView', () => {
  it('tells keys scanned of DBSIZE, the rate and the time left', () => {
    expect(progressView(progress(), full)).toEqual({
      ratio: 0.25,
      scannedText: '25,000 of 100,000 keys scanned (25 %)',
      rateText: '5,000 keys/s',
      etaText: 'about 15 s left',
      pacedText: null,
    });
  });

  it('fills a sample’s bar at its sample size, not at DBSIZE', () => {
    const view = progressView(progress({ scanned: 5_000, dbSize: 1_000_000 }), { mode: 'sample', sampleKeys: 10_000 });
    expect(view.ratio).toBe(0.5);
    expect(view.scannedText).toBe('5,000 of 10,000 sampled keys (50 %; DBSIZE 1,000,000)');
  });

  it('says when the walk is slowed by a slow PING', () => {
    expect(progressView(progress({ paced: true, pingMs: 3.14 }), full).pacedText).toBe('paced: PING 3.1 ms');
    expect(progressView(progress({ paced: true, pingMs: null }), full).pacedText).toBe('paced: PING > 2 ms');
  });

  it('has no rate, time left or ratio before the first batch', () => {
    const view = progressView(null, full);
    expect(view).toMatchObject({ ratio: 0, rateText: 'measuring…', etaText: null, scannedText: 'Starting: reading DBSIZE…' });
    expect(progressView(progress({ keysPerSec: null, perSecond: null, etaSeconds: null }), full)).toMatchObject({ rateText: 'measuring…', etaText: null });
  });

  it('never overfills when keys were added during the walk', () => {
    expect(progressView(progress({ scanned: 120_000 }), full).ratio).toBe(1);
    expect(progressView(progress({ scanned: 0, dbSize: 0 }), full).ratio).toBe(0);
  });
});
