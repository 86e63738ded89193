// A labelled figure (a dt/dd pair) with an optional hint and target. Use inside <StatList>.
import type { ReactNode } from 'react';
import { TargetNote, type Verdict } from './target-note';

const COLUMNS = { 2: 'grid-cols-2', 3: 'grid-cols-2 sm:grid-cols-3' } as const;

interface StatListProps {
  children: ReactNode;
  /** Columns from the small breakpoint up; always 2 on a phone. */
  columns?: keyof typeof COLUMNS;
  className?: string;
}

export function StatList({ children, columns = 3, className = '' }: StatListProps) {
  return <dl className={`grid gap-x-4 gap-y-3 ${COLUMNS[columns]} ${className}`}>{children}</dl>;
}

interface StatProps {
  label: string;
  /** Already formatted, with its unit (see lib/format.ts). */
  value: ReactNode;
  hint?: ReactNode;
  target?: { text: string; verdict: Verdict };
  testId?: string;
}

export function Stat({ label, value, hint, target, testId }: StatProps) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-words text-base font-semibold tabular-nums text-slate-900" data-testid={testId}>
        {value}
      </dd>
      {hint ? <dd className="text-xs text-slate-500">{hint}</dd> : null}
      {target ? (
        <dd>
          <TargetNote target={target.text} verdict={target.verdict} />
        </dd>
      ) : null}
    </div>
  );
}
