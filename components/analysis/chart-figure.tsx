// A chart with its title and a sentence saying what it shows, for screen readers and for anyone
// who cannot tell the colours apart; the table beside each chart holds every figure.
import type { ReactNode } from 'react';
import { CHART_COLOR } from '@/components/charts/chart-colors';

export { AXIS_TICK } from '@/components/charts/chart-colors';
export const RED = CHART_COLOR.red;
export const SLATE = CHART_COLOR.slate;

export function ChartFigure({ title, summary, testId, children }: { title: string; summary: string; testId: string; children: ReactNode }) {
  return (
    <figure data-testid={testId} aria-label={summary} className="min-w-0">
      <figcaption className="text-sm font-semibold text-slate-900">{title}</figcaption>
      <div className="mt-2">{children}</div>
    </figure>
  );
}

export function TooltipBox({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div className="rounded-md border border-slate-200 bg-white px-3 py-2 text-xs shadow-md">
      <p className="font-mono font-medium break-all text-slate-900">{title}</p>
      {lines.map((line) => (
        <p key={line} className="mt-0.5 tabular-nums text-slate-700">
          {line}
        </p>
      ))}
    </div>
  );
}
