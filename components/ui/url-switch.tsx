'use client';
// A row of pressed/unpressed buttons choosing one value of a URL parameter (`?range=7d`,
// `?window=60m`), so a link opens the same view; the page's other parameters stay as they are.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

export interface UrlSwitchProps<T extends string> {
  /** The URL parameter the switch sets. */
  param: string;
  /** null: none pressed (a chosen from/to window is shown instead). */
  value: T | null;
  /** Parameters a choice removes (the `from`/`to` of a chosen window). */
  clears?: readonly string[];
  options: readonly T[];
  /** What each button shows, and what it says to a screen reader. */
  labels: Record<T, { short: string; long: string }>;
  groupLabel: string;
  /** Each button's data-testid is `${testIdPrefix}-${option}`. */
  testIdPrefix: string;
}

export function UrlSwitch<T extends string>({ param, value, clears = [], options, labels, groupLabel, testIdPrefix }: UrlSwitchProps<T>) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  function select(option: T) {
    const params = new URLSearchParams(searchParams.toString());
    params.set(param, option);
    for (const cleared of clears) params.delete(cleared);
    router.push(`${pathname}?${params}`, { scroll: false });
  }

  return (
    <div role="group" aria-label={groupLabel} className="inline-flex max-w-full flex-wrap rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === value}
          data-testid={`${testIdPrefix}-${option}`}
          onClick={() => select(option)}
          className="rounded px-2.5 py-1 text-sm font-medium whitespace-nowrap text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-700 aria-pressed:bg-red-700 aria-pressed:text-white aria-pressed:hover:bg-red-800"
        >
          {/* The name starts with what is seen (WCAG 2.5.3, label in name), then says it in full. */}
          {labels[option].short}
          <span className="sr-only">: {labels[option].long}</span>
        </button>
      ))}
    </div>
  );
}
