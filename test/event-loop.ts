// How long the event loop was held: the measure behind the "< 50 ms block" tests of the archive
// and the store's pruning (issue 9).
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The longest the event loop was held while `work` ran, in ms: monitorEventLoopDelay's maximum,
 * cross-checked by the longest gap between the ticks of a 1 ms interval (the histogram alone
 * once missed a 450 ms block).
 */
export async function maxBlockDuring<T>(work: () => Promise<T>): Promise<{ result: T; blockedMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  let last = performance.now();
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 1);
  histogram.enable();
  try {
    const result = await work();
    await sleep(5); // let both see the last stretch
    return { result, blockedMs: Math.max(histogram.max / 1e6, longestGap) };
  } finally {
    histogram.disable();
    clearInterval(ticker);
  }
}
