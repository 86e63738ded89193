// The window figures a card and the instance header show (the sampler's rates over about the last
// minute, Redlens's own traffic out), judged by the thresholds in force and labelled with their window.
import type { Judged } from '@/components/instance/targets';
import type { Verdict } from '@/components/ui/target-note';
import { formatPercent } from '@/lib/format';
import type { Thresholds } from '@/lib/health-targets';
import type { RecentRates } from '@/lib/api/types';

/** "last 60 s": how long the window behind a rate was; until two samples, what it waits for. */
export function windowLabel(recent: RecentRates | null): string {
  return recent ? `last ${Math.round(recent.windowSeconds)} s` : 'waiting for a second sample';
}

/** Judged as the hit-ratio-low rule judges it: too few lookups in the window say nothing. */
export function judgeRecentHitRatio(recent: RecentRates | null, thresholds: Thresholds): Judged {
  const ratio = recent && recent.lookups >= thresholds.hitRatioMinLookups ? recent.hitRatio : null;
  const verdict: Verdict = ratio === null ? 'unknown' : ratio >= thresholds.hitRatioMin ? 'ok' : 'warn';
  return { text: `> ${formatPercent(thresholds.hitRatioMin)}`, verdict };
}

export function judgePingP95(pingP95Ms: number | null, thresholds: Thresholds): Judged {
  const verdict: Verdict = pingP95Ms === null ? 'unknown' : pingP95Ms <= thresholds.latencyP95MsMax ? 'ok' : 'warn';
  return { text: `< ${thresholds.latencyP95MsMax} ms`, verdict };
}

/** used / maxmemory in 0..1; null without a limit (maxmemory 0) or a figure. */
export function memoryUsedRatio(usedBytes: number | null, maxmemoryBytes: number | null): number | null {
  return usedBytes === null || maxmemoryBytes === null || maxmemoryBytes <= 0 ? null : usedBytes / maxmemoryBytes;
}
