// A chosen time window in words, the same on the charts and the slow log archive.
import { formatDateTime } from '@/lib/format';
import type { TimeWindow } from '@/lib/time-range';

/** "2026-12-03 14:00:00 – 2026-12-03 15:00:00" (the viewer's time zone). */
export const windowWords = (window: TimeWindow): string => `${formatDateTime(window.from)} – ${formatDateTime(window.to)}`;
