import { describe, expect, it } from 'vitest';
import { pingSummary } from '@/lib/commands/ping-summary';
import { histogramRows, histogramSummary, historySummary } from './chart-rows';

describe('histogramRows', () => {
  it('labels each bucket by its bounds and marks those past the target', () => {
    const rows = histogramRows(pingSummary([0.1, 0.3, 0.7, 1.5, 70], 1));
    expect(rows.map((row) => row.label)).toEqual(['≤ 0.25 ms', '0.25–0.5 ms', '0.5–1 ms', '1–2 ms', '2–5 ms', '5–10 ms', '10–50 ms', '> 50 ms']);
    expect(rows.map((row) => row.count)).toEqual([1, 1, 1, 1, 0, 0, 0, 1]);
    expect(rows.map((row) => row.overTarget)).toEqual([false, false, false, true, true, true, true, true]);
  });
});

describe('histogramSummary', () => {
  it('counts the round trips slower than the target', () => {
    expect(histogramSummary(pingSummary([0.1, 0.3, 1.5, 70], 1))).toBe('4 PING round trips in the window; 2 slower than the 1 ms target.');
    expect(histogramSummary(pingSummary([], 1))).toBe('No PING round trips in the window yet.');
  });
});

describe('historySummary', () => {
  it('names each event with its spikes and the worst one', () => {
    const text = historySummary([
      { event: 'command', at: 2000, latestMs: 70, maxMs: 70, history: [{ at: 1000, ms: 50 }, { at: 2000, ms: 70 }] },
      { event: 'fork', at: 0, latestMs: 0, maxMs: 0, history: [] },
    ]);
    expect(text).toMatch(/^command: 2 spikes, worst 70 ms at /);
    expect(text).not.toContain('fork');
    expect(historySummary([])).toBe('The latency monitor has recorded no events.');
  });
});
