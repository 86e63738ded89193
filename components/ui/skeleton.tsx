import type { ReactNode } from 'react';

/** A grey placeholder block; hidden from screen readers, which hear <Loading>'s label instead. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded bg-slate-200 ${className}`} />;
}

/** Wraps skeletons so assistive tech announces one "Loading …" instead of silence. */
export function Loading({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
