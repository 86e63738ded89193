// How values read on the history charts' y-axes: short ticks with their unit, byte ticks at round
// binary sizes. Tooltips and current values use formatMetricValue (lib/format.ts).
import { formatBytes, formatNumber, formatPercent, type ValueKind } from '@/lib/format';

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * A y-axis tick: short, still with its unit ("1.5K/s", "80 %", "0.5 ms", "64 MiB"). The space
 * before a unit is a no-break space: Recharts wraps tick labels at spaces.
 */
export function formatAxisValue(kind: ValueKind, value: number): string {
  return axisText(kind, value).replace(/ /g, '\u00a0');
}

function axisText(kind: ValueKind, value: number): string {
  if (!Number.isFinite(value)) return '';
  switch (kind) {
    case 'bytes':
      return formatBytes(value);
    case 'percent':
      return formatPercent(value, 0);
    case 'rate':
      return `${compact.format(value)}/s`;
    case 'count':
      return compact.format(value);
    case 'ratio':
      return formatNumber(value, 2);
    case 'ms':
      return `${formatNumber(value, 2)} ms`;
  }
}

const NICE_STEPS = [1, 2, 2.5, 5, 10] as const;

/** A round step near `rough`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  return (NICE_STEPS.find((step) => step * power >= rough) ?? 10) * power;
}

/**
 * Y ticks for a byte axis from 0 to at least `max`, at round numbers of the unit the labels use
 * (0, 16, 32, 48, 64 MiB), not at round decimal byte counts (19.1 MiB, 38.1 MiB).
 */
export function byteTicks(max: number, count = 4): number[] {
  if (!Number.isFinite(max) || max <= 0) return [0];
  let unit = 1;
  while (max / unit >= 1024 && unit < 1024 ** 5) unit *= 1024;
  const inUnits = max / unit;
  // Powers of two read better than tens in binary units: 16 MiB steps, not 20.
  const twos = 2 ** Math.ceil(Math.log2(inUnits / count));
  const step = (inUnits / count >= 1 ? twos : niceStep(inUnits / count)) * unit;
  const ticks: number[] = [];
  for (let tick = 0; ticks.length === 0 || ticks[ticks.length - 1]! < max; tick += step) ticks.push(tick);
  return ticks;
}
