// A running analysis in words and one ratio: keys scanned of what the run will visit (DBSIZE, or
// the sample size), keys/s, time left, and whether the walk is slowed by a slow PING.
import type { AnalysisParams, AnalysisProgress } from '@/lib/analysis/types';
import { formatDuration, formatNumber, formatPercent, formatRate } from '@/lib/format';

export interface ProgressView {
  /** 0..1 of the keys this run will visit. */
  ratio: number;
  /** "25,000 of 100,000 keys scanned (25 %)". */
  scannedText: string;
  /** "5,000 keys/s", or "measuring…" before there is a rate. */
  rateText: string;
  /** "about 15 s left"; null when it cannot be told. */
  etaText: string | null;
  /** "paced: PING 3.1 ms" while the walk waits for a slow Redis; null otherwise. */
  pacedText: string | null;
}

export function progressView(progress: AnalysisProgress | null, params: Pick<AnalysisParams, 'mode' | 'sampleKeys'>): ProgressView {
  const scanned = progress?.scanned ?? 0;
  const dbSize = progress?.dbSize ?? 0;
  // A sample stops after sampleKeys: that is where its bar is full.
  const goal = params.mode === 'sample' ? Math.min(params.sampleKeys, dbSize) : dbSize;
  const ratio = goal > 0 ? Math.min(1, scanned / goal) : 0;
  const of = params.mode === 'sample'
    ? `${formatNumber(scanned, 0)} of ${formatNumber(goal, 0)} sampled keys (${formatPercent(ratio, 0)}; DBSIZE ${formatNumber(dbSize, 0)})`
    : `${formatNumber(scanned, 0)} of ${formatNumber(dbSize, 0)} keys scanned (${formatPercent(ratio, 0)})`;
  const perSec = progress?.keysPerSec ?? progress?.perSecond ?? null;
  const eta = progress?.etaSeconds ?? null;
  return {
    ratio,
    scannedText: progress ? of : 'Starting: reading DBSIZE…',
    rateText: perSec === null ? 'measuring…' : formatRate(perSec, 'keys/s', 0),
    etaText: eta === null ? null : `about ${formatDuration(Math.max(1, Math.ceil(eta)))} left`,
    pacedText: progress?.paced ? `paced: PING ${progress.pingMs === null ? '> 2 ms' : formatRate(progress.pingMs, 'ms', 1)}` : null,
  };
}
