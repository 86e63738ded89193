'use client';
// A chosen time window beside the range presets: From and To in local time, handed to `onApply`
// as unix ms for the caller to keep in the URL (`?from=&to=`). What the API would refuse (a
// window backwards, under a minute, over 30 days) is refused here first, in words.
import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { customWindowProblem, fromLocalInputValue, rangeWindow, toLocalInputValue, type TimeRange, type TimeWindow } from '@/lib/time-range';
import { Button } from './button';
import { Field, TextInput } from './field';
import { useNow } from './use-now';
import { windowWords } from './window-words';

interface CustomRangeProps {
  /** The chosen window in force, or null while a preset is. */
  value: TimeWindow | null;
  /** The preset shown: the form offers its window (ending now) when no window is chosen. */
  preset: TimeRange;
  onApply: (window: TimeWindow) => void;
  /** data-testid prefix: `${testIdPrefix}-from`, `-to`, `-apply`. */
  testIdPrefix: string;
}

/** The form's "now" moves by the minute: the inputs show minutes, and a ticking value would reset them. */
const NOW_STEP_MS = 60_000;

export function CustomRange({ value, preset, onApply, testIdPrefix }: CustomRangeProps) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const summaryRef = useRef<HTMLElement>(null);
  // Local times differ between the server and the browser: the inputs exist in the browser only
  // (useNow is null on the server and while hydrating).
  const now = useNow(NOW_STEP_MS);
  const shown = now === null ? null : (value ?? rangeWindow(preset, Math.floor(now / NOW_STEP_MS) * NOW_STEP_MS));

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const from = fromLocalInputValue(String(form.get('from') ?? ''));
    const to = fromLocalInputValue(String(form.get('to') ?? ''));
    const why = from === null || to === null ? 'Enter both a start and an end.' : customWindowProblem(from, to);
    setProblem(why);
    if (why === null && from !== null && to !== null) onApply({ from, to });
  }

  // Escape closes the open form like a dialog, and the focus goes back to what opened it.
  function closeOnEscape(event: KeyboardEvent<HTMLDetailsElement>) {
    if (event.key !== 'Escape' || !event.currentTarget.open) return;
    event.preventDefault();
    event.currentTarget.open = false;
    summaryRef.current?.focus();
  }

  return (
    <details className="group text-sm" open={value !== null} onKeyDown={closeOnEscape} data-testid={`${testIdPrefix}-custom`}>
      <summary ref={summaryRef} className="cursor-pointer rounded px-1 py-1 font-medium text-slate-700 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-700">
        {value ? <>Custom: {windowWords(value)}</> : 'Custom range'}
      </summary>
      {shown ? (
        // Keyed by the window: Back/Forward shows the window in force.
        <form key={`${shown.from}-${shown.to}`} onSubmit={apply} className="mt-2 flex flex-wrap items-end gap-2" aria-label="Custom time range">
          <Field label="From" htmlFor={`${id}-from`}>
            <TextInput id={`${id}-from`} name="from" type="datetime-local" defaultValue={toLocalInputValue(shown.from)} data-testid={`${testIdPrefix}-from`} required />
          </Field>
          <Field label="To" htmlFor={`${id}-to`}>
            <TextInput id={`${id}-to`} name="to" type="datetime-local" defaultValue={toLocalInputValue(shown.to)} data-testid={`${testIdPrefix}-to`} required />
          </Field>
          <Button type="submit" variant="primary" data-testid={`${testIdPrefix}-apply`}>
            Apply
          </Button>
          <p role="alert" className="basis-full text-sm text-red-800">
            {problem}
          </p>
        </form>
      ) : null}
    </details>
  );
}
