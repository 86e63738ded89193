// Hash slot ranges as people read them (`0-5460, 5462`), for findings, events and the cluster
// page. Pure, no imports beyond the shared type, so every layer and the browser can use it.
import type { SlotRange } from '@/lib/api/cluster';

/** Redis Cluster's hash slots. */
export const CLUSTER_SLOTS = 16384;

/** The first `shown` ranges as CLUSTER NODES writes them, and how many more there are. */
export function slotRangesText(slots: SlotRange[], shown = 4): string {
  if (slots.length === 0) return 'no slots';
  const text = slots.slice(0, shown).map(([start, end]) => (start === end ? String(start) : `${start}-${end}`)).join(', ');
  return slots.length > shown ? `${text} and ${slots.length - shown} more ranges` : text;
}
