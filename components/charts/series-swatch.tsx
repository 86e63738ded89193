import type { SeriesSpec } from './chart-specs';

/** The colour key of a series, in legends and tooltips; dashed series get a dashed key. */
export function SeriesSwatch({ series }: { series: SeriesSpec }) {
  return (
    <span
      aria-hidden="true"
      className="inline-block h-0 w-3 shrink-0 border-t-2"
      style={{ borderColor: series.color, borderTopStyle: series.draw === 'dashed' ? 'dashed' : 'solid' }}
    />
  );
}
