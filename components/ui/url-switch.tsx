'use client';
// A row of pressed/unpressed buttons choosing one value of a URL parameter (`?range=7d`,
// `?window=60m`), so a link opens the same view; the page's other parameters stay as they are.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';

export interface UrlSwitchProps<T extends string> {
  /** The URL parameter the switch sets. */
  param: string;
  value: T;
  options: readonly T[];
  /** What each button shows, and what it says to a screen reader. */
  labels: Record<T, { short: string; long: string }>;
  groupLabel: string;
  /** Each button's data-testid is `${testIdPrefix}-${option}`. */
  testIdPrefix: string;
}

export function UrlSwitch<T extends string>({ param, value, options, labels, groupLabel, testIdPrefix }: UrlSwitchProps<T>) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();

  function select(option: T) {
    const params = new URLSearchParams(searchParams.toString());
    params.set(param, option);
    router.push(`${pathname}?${params}`, { scroll: false });
  }

  return (
    <div role="group" aria-label={groupLabel} className="inline-flex max-w-full flex-wrap rounded-md border border-slate-300 bg-white p-0.5 shadow-sm">
      {options.map((option) => (
        <button
          key={option}
          type="button"
          aria-pressed={option === value}
          aria-label={labels[option].long}
          data-testid={`${testIdPrefix}-${option}`}
          onClick={() => select(option)}
          className="rounded px-2.5 py-1 text-sm font-medium whitespace-nowrap text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-700 aria-pressed:bg-red-700 aria-pressed:text-white aria-pressed:hover:bg-red-800"
        >
          {labels[option].short}
        </button>
      ))}
    </div>
  );
}
