// Judges live figures against the production targets of SPEC section 2, for the UI.
import type { DerivedInfo } from '@/lib/api/types';
import type { Verdict } from '@/components/ui/target-note';
import { formatBytes } from '@/lib/format';
import { TARGETS } from '@/lib/health-targets';


export interface Judged {
  text: string;
  verdict: Verdict;
}

export function judgeHitRatio(stats: DerivedInfo['stats']): Judged {
  const lookups = stats.keyspaceHits + stats.keyspaceMisses;
  const verdict: Verdict =
    stats.hitRatio === null || lookups < TARGETS.hitRatioMinLookups
      ? 'unknown'
      : stats.hitRatio >= TARGETS.hitRatioMin
        ? 'ok'
        : 'warn';
  return { text: `> ${TARGETS.hitRatioMin * 100} %`, verdict };
}

export function judgeClients(connected: number): Judged {
  return { text: `< ${TARGETS.clientsMax}`, verdict: connected <= TARGETS.clientsMax ? 'ok' : 'warn' };
}

/** Against maxmemory; with no limit there is nothing to judge here (the health rules say so). */
export function judgeMemory(usedRatio: number | null): Judged {
  const verdict: Verdict = usedRatio === null ? 'unknown' : usedRatio <= TARGETS.memoryUsedRatioMax ? 'ok' : 'warn';
  return { text: `< ${TARGETS.memoryUsedRatioMax * 100} % of maxmemory`, verdict };
}

export function judgeFragmentation(memory: DerivedInfo['memory']): Judged {
  const high =
    memory.fragmentationRatio > TARGETS.fragmentationRatioMax &&
    memory.fragmentationBytes > TARGETS.fragmentationBytesMin;
  return { text: `< ${TARGETS.fragmentationRatioMax}`, verdict: high ? 'warn' : 'ok' };
}

/** Why a ratio above target still reads "ok": too few bytes are fragmented to matter. */
export function fragmentationNote(memory: DerivedInfo['memory']): string {
  const fragmented = `${formatBytes(memory.fragmentationBytes)} fragmented`;
  const ignored =
    memory.fragmentationRatio > TARGETS.fragmentationRatioMax &&
    memory.fragmentationBytes <= TARGETS.fragmentationBytesMin;
  return ignored ? `${fragmented} (ratio ignored under ${formatBytes(TARGETS.fragmentationBytesMin)})` : fragmented;
}
