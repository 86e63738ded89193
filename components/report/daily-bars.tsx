// Seven small bars, Monday first, with the target as a dashed line: a checklist line's week at a
// glance. A day without samples is a gap with a dash under it, never a zero-height bar.
import { formatFigure } from '@/lib/report/format';
import { DAY_NAMES } from '@/lib/report/markdown';
import type { DailySeries } from '@/lib/report/types';
import { barHeights } from './model/report-view';
import { AXIS_TICK, CHART_COLOR } from '@/components/charts/chart-colors';

const WIDTH = 168;
const HEIGHT = 40;
const BAR = WIDTH / 7;

export function DailyBars({ daily, dates }: { daily: DailySeries; dates: string[] }) {
  const heights = barHeights(daily);
  const top = Math.max(...daily.values.filter((v): v is number => v !== null), daily.target?.value ?? 0, daily.unit === 'ratio' ? 1 : 0);
  const targetY = daily.target && top > 0 ? HEIGHT - (daily.target.value / top) * HEIGHT : null;
  const summary = daily.values.map((v, i) => `${DAY_NAMES[i]} ${dates[i]}: ${v === null ? 'no samples' : formatFigure(v, daily.unit)}`).join('; ');
  const target = daily.target ? `, target ${daily.target.kind === 'max' ? 'at most' : 'at least'} ${formatFigure(daily.target.value, daily.unit)}` : '';
  return (
    <figure className="flex flex-wrap items-end gap-3" data-testid="report-daily">
      <svg width={WIDTH} height={HEIGHT + 12} viewBox={`0 0 ${WIDTH} ${HEIGHT + 12}`} role="img" aria-label={`${daily.label} by day${target}: ${summary}`}>
        {heights.map((h, i) =>
          h === null ? (
            <text key={i} x={i * BAR + BAR / 2} y={HEIGHT - 2} textAnchor="middle" fontSize="10" fill={AXIS_TICK.fill}>
              –
            </text>
          ) : (
            <rect key={i} x={i * BAR + 3} y={HEIGHT - h * HEIGHT} width={BAR - 6} height={Math.max(h * HEIGHT, 0.5)} className="fill-slate-500" />
          ),
        )}
        {targetY !== null ? <line x1={0} x2={WIDTH} y1={targetY} y2={targetY} stroke={CHART_COLOR.red} strokeDasharray="3 2" /> : null}
        {DAY_NAMES.map((name, i) => (
          <text key={name} x={i * BAR + BAR / 2} y={HEIGHT + 10} textAnchor="middle" fontSize="8" fill={AXIS_TICK.fill}>
            {name[0]}
          </text>
        ))}
      </svg>
      <figcaption className="text-xs text-slate-600">
        {daily.label} by day{target}
      </figcaption>
    </figure>
  );
}
