'use client';
// A command the tuning guide warns about: the pattern as a badge that opens the advice in place.
import { useId, useState } from 'react';
import { TONE_BADGE } from '@/components/ui/tone';

export function WarningBadge({ warning }: { warning: { pattern: string; advice: string } }) {
  const [open, setOpen] = useState(false);
  const adviceId = useId();
  return (
    <div className="mt-1">
      <button
        type="button"
        data-testid="slowlog-warning"
        aria-expanded={open}
        aria-controls={adviceId}
        onClick={() => setOpen((value) => !value)}
        className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap hover:brightness-95 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 ${TONE_BADGE.warn}`}
      >
        <span aria-hidden="true">⚠</span>
        {warning.pattern}
        <span className="font-normal">· {open ? 'hide advice' : 'advice'}</span>
      </button>
      <p id={adviceId} hidden={!open} className="mt-1 max-w-prose font-sans text-xs text-amber-900">
        {warning.advice}
      </p>
    </div>
  );
}
