// A titled section of a page; the heading names the region for screen readers.
import { useId, type ReactNode } from 'react';
import { Card } from './card';

interface PanelProps {
  title: string;
  children: ReactNode;
  className?: string;
  'data-testid'?: string;
}

export function Panel({ title, children, className = '', ...rest }: PanelProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className} data-testid={rest['data-testid']}>
      <Card className="h-full">
        <h2 id={headingId} className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-600">
          {title}
        </h2>
        {children}
      </Card>
    </section>
  );
}
