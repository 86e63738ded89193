// The shape of an event's reference line on a history chart: the line, a small flag on top, a
// wider invisible stroke so a pointer finds it, and a <title> (the browser's tooltip, and the
// accessible name of the mark).
import type { EventMark } from './model/event-marks';

import { EVENT_COLOR } from './chart-colors';

export { EVENT_COLOR };

/** What Recharts hands a ReferenceLine's `shape` function: the line's ends in pixels. */
export interface LineProps {
  x1?: number;
  y1?: number;
  x2?: number;
  y2?: number;
  clipPath?: string;
}

/** Recharts calls a `shape` function with the line's ends; this draws an event there. */
export function renderEventMark(mark: EventMark, { x1, y1, x2, y2, clipPath }: LineProps) {
  if (![x1, y1, x2, y2].every((value) => typeof value === 'number' && Number.isFinite(value))) return <g />;
  const x = x1!;
  const top = Math.min(y1!, y2!);
  const bottom = Math.max(y1!, y2!);
  const color = EVENT_COLOR[mark.severity];
  return (
    <g role="img" aria-label={mark.label} clipPath={clipPath} data-testid="event-mark" data-kind={mark.kind}>
      <title>{mark.label}</title>
      <line x1={x} x2={x} y1={top} y2={bottom} stroke="transparent" strokeWidth={9} />
      <line x1={x} x2={x} y1={top} y2={bottom} stroke={color} strokeWidth={mark.severity === 'critical' ? 2 : 1.5} />
      <path d={`M ${x - 4} ${top} L ${x + 4} ${top} L ${x} ${top + 6} Z`} fill={color} />
    </g>
  );
}
