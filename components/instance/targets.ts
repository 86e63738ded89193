// Judges live figures against the thresholds in force (the config file's `thresholds` over the
// production targets of SPEC section 2), which the info answer carries, for the UI.
import type { DerivedInfo } from '@/lib/api/types';
import type { Verdict } from '@/components/ui/target-note';
import { formatBytes, formatPercent } from '@/lib/format';
import { memorySeverity, type Thresholds } from '@/lib/health-targets';
import { hitRatio } from '@/lib/hit-ratio';


export interface Judged {
  text: string;
  verdict: Verdict;
}

export function judgeHitRatio(stats: DerivedInfo['stats'], thresholds: Thresholds): Judged {
  // Too few lookups to judge: the rule's own minimum, through the one hit-ratio definition.
  const ratio = hitRatio(stats.keyspaceHits, stats.keyspaceMisses, thresholds.hitRatioMinLookups);
  const verdict: Verdict = ratio === null ? 'unknown' : ratio >= thresholds.hitRatioMin ? 'ok' : 'warn';
  return { text: `> ${formatPercent(thresholds.hitRatioMin)}`, verdict };
}

export function judgeClients(connected: number, thresholds: Thresholds): Judged {
  return { text: `< ${thresholds.clientsMax}`, verdict: connected <= thresholds.clientsMax ? 'ok' : 'warn' };
}

/** Against maxmemory, with the memory-near-limit finding's severity (above 95 % critical, not a warning). */
export function judgeMemory(usedRatio: number | null, thresholds: Thresholds): Judged {
  const severity = usedRatio === null ? null : memorySeverity(usedRatio, thresholds.memoryUsedRatioMax);
  const verdict: Verdict = usedRatio === null ? 'unknown' : severity === 'critical' ? 'critical' : severity === 'warning' ? 'warn' : 'ok';
  return { text: `< ${formatPercent(thresholds.memoryUsedRatioMax)} of maxmemory`, verdict };
}

export function judgeFragmentation(memory: DerivedInfo['memory'], thresholds: Thresholds): Judged {
  const high =
    memory.fragmentationRatio > thresholds.fragmentationRatioMax &&
    memory.fragmentationBytes > thresholds.fragmentationBytesMin;
  return { text: `< ${thresholds.fragmentationRatioMax}`, verdict: high ? 'warn' : 'ok' };
}

/** Why a ratio above target still reads "ok": too few bytes are fragmented to matter. */
export function fragmentationNote(memory: DerivedInfo['memory'], thresholds: Thresholds): string {
  const fragmented = `${formatBytes(memory.fragmentationBytes)} fragmented`;
  const ignored =
    memory.fragmentationRatio > thresholds.fragmentationRatioMax &&
    memory.fragmentationBytes <= thresholds.fragmentationBytesMin;
  return ignored ? `${fragmented} (ratio ignored under ${formatBytes(thresholds.fragmentationBytesMin)})` : fragmented;
}
