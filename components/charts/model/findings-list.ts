// Which findings of a range the list under the charts shows: the newest few at first, every one
// when expanded, and whether the range held more ended findings than the metrics answer carries.
import { FINDING_EVENTS_MAX } from '@/lib/health/types';
import type { FindingBand } from './finding-bands';

/** Shown before the list is expanded: enough for a quiet range, short on a busy one. */
export const FINDINGS_SHOWN_COLLAPSED = 8;

export interface FindingsListView {
  /** Newest first. */
  listed: FindingBand[];
  /** Not listed now, all older than the listed ones (0 when expanded). */
  hidden: number;
  /** More findings than the collapsed list shows: offer to expand. */
  expandable: boolean;
  /** The answer hit its cap of ended findings: older ones of the range were left out of it. */
  capped: boolean;
}

export function findingsListView(bands: readonly FindingBand[], expanded: boolean): FindingsListView {
  const newestFirst = [...bands].reverse();
  const listed = expanded ? newestFirst : newestFirst.slice(0, FINDINGS_SHOWN_COLLAPSED);
  return {
    listed,
    hidden: bands.length - listed.length,
    expandable: bands.length > FINDINGS_SHOWN_COLLAPSED,
    capped: bands.filter((band) => band.endedAt !== null).length >= FINDING_EVENTS_MAX,
  };
}
