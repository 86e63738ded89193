// Health findings as shaded bands on the history charts, clipped to the range shown.
import { SEVERITY_RANK, type FindingEvent, type Severity } from '@/lib/health/types';

export interface FindingBand {
  /** Unique within a response: one rule can fire several times in a range. */
  key: string;
  id: string;
  severity: Severity;
  title: string;
  startedAt: number;
  endedAt: number | null;
  /** The band on the chart, clipped to the range shown. */
  x1: number;
  x2: number;
  /** Whether it began inside the range (then a line marks the start). */
  startsInRange: boolean;
}


/**
 * Findings that overlap [from, to], clipped to it, oldest first; an active finding (no end) runs
 * to `to`. Recharts discards a reference area that leaves the axis domain, hence the clipping.
 */
export function findingBands(findings: readonly FindingEvent[], from: number, to: number): FindingBand[] {
  return findings
    .filter((finding) => finding.startedAt <= to && (finding.endedAt ?? to) >= from)
    .map((finding) => ({
      key: `${finding.id}@${finding.startedAt}`,
      id: finding.id,
      severity: finding.severity,
      title: finding.title,
      startedAt: finding.startedAt,
      endedAt: finding.endedAt,
      x1: Math.max(finding.startedAt, from),
      x2: Math.min(finding.endedAt ?? to, to),
      startsInRange: finding.startedAt >= from,
    }))
    .sort((a, b) => a.startedAt - b.startedAt || SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
}
