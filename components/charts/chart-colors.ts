// Chart colours as the palette's CSS variables, so Recharts' SVG (axes, grid, target lines,
// finding bands, series) turns with the theme like every class does (app/globals.css redefines
// the variables under data-theme="dark"). Every chart of the dashboard takes its colours here.

const color = (name: string) => `var(--color-${name})`;

/** Series and marks: the 600-700 shades read on white; in the dark theme they become 300-400. */
export const CHART_COLOR = {
  red: color('red-700'),
  slate: color('slate-500'),
  amber: color('amber-600'),
  sky: color('sky-700'),
  emerald: color('emerald-700'),
  violet: color('violet-600'),
  pink: color('pink-700'),
  teal: color('teal-700'),
  lime: color('lime-700'),
} as const;

/** Several series in turn (the slow log's top commands, LATENCY HISTORY's events). */
export const CHART_PALETTE = [
  CHART_COLOR.red,
  CHART_COLOR.sky,
  CHART_COLOR.amber,
  CHART_COLOR.emerald,
  CHART_COLOR.violet,
  CHART_COLOR.pink,
  CHART_COLOR.teal,
  CHART_COLOR.lime,
  CHART_COLOR.slate,
];

/** Axis labels: slate-600 keeps AA (4.5:1) on white and, turned to slate-300, on the dark card. */
export const AXIS_TICK = { fontSize: 11, fill: color('slate-600') };
export const AXIS_LINE = color('slate-300');
export const GRID_LINE = color('slate-200');
/** The tooltip's cursor over a bar (a fill) or a line chart (a stroke). */
export const CURSOR_FILL = color('slate-100');
export const CURSOR_LINE = color('slate-400');
/** A target line and its label. */
export const TARGET_LINE = color('slate-500');
export const TARGET_LABEL = color('slate-600');

/** Finding bands and their start lines, by the finding's severity. */
export const SEVERITY_COLOR = {
  critical: color('red-600'),
  warning: color('amber-500'),
  info: color('sky-600'),
} as const;

/** Event marks: critical in red; warnings and notes in violet, apart from the findings' colours. */
export const EVENT_COLOR = { critical: color('red-700'), warning: color('violet-600'), info: color('violet-700') } as const;
