'use client';
// The archive's time range and search, kept in the URL (`?view=archive&range=7d&q=KEYS`); a
// chosen window (`&from=<unix ms>&to=<unix ms>`) instead of a preset.
import { useSearchParams } from 'next/navigation';
import { useId, type FormEvent } from 'react';
import { withParams } from '@/lib/form-params';
import { ARCHIVE_QUERY_MAX_LENGTH, type ArchiveView } from '@/lib/queries/archive-params';
import { ARCHIVE_RANGES, RANGE_LABELS, type ArchiveRange } from '@/lib/time-range';
import { Button } from '@/components/ui/button';
import { CustomRange } from '@/components/ui/custom-range';
import { TextInput } from '@/components/ui/field';
import { pushQuery } from './url';

export function ArchiveControls({ view }: { view: ArchiveView }) {
  const searchParams = useSearchParams();
  const id = useId();

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const q = new FormData(event.currentTarget).get('q');
    // A new search starts from the newest entries again.
    pushQuery(withParams(searchParams, { q: typeof q === 'string' ? q.slice(0, ARCHIVE_QUERY_MAX_LENGTH) : undefined, before: undefined }));
  }

  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
      <div className="flex flex-col gap-2 self-start">
        <RangePresets
          value={view.window ? null : view.range}
          onSelect={(range) => pushQuery(withParams(searchParams, { range, from: undefined, to: undefined, before: undefined }))}
        />
        <CustomRange
          value={view.window ?? null}
          preset={view.range}
          onApply={(window) =>
            pushQuery(withParams(searchParams, { from: String(window.from), to: String(window.to), range: undefined, before: undefined }))
          }
          testIdPrefix="slowlog-range"
        />
      </div>
      {/* Keyed by the search: Back/Forward shows the text being searched for. */}
      <form key={view.q ?? ''} role="search" aria-label="Search the archive" onSubmit={search} className="w-full lg:max-w-md">
        <label htmlFor={`${id}-q`} className="block text-sm font-medium text-slate-700">
          Search command, key or client
        </label>
        <div className="mt-1 flex gap-2">
          <TextInput
            id={`${id}-q`}
            name="q"
            type="search"
            defaultValue={view.q ?? ''}
            placeholder="KEYS, user:42, 10.0.0.5"
            maxLength={ARCHIVE_QUERY_MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
          />
          <Button type="submit" variant="primary">
            Search
          </Button>
          {view.q ? <Button onClick={() => pushQuery(withParams(searchParams, { q: undefined, before: undefined }))}>Clear</Button> : null}
        </div>
      </form>
    </div>
  );
}

function RangePresets({ value, onSelect }: { value: ArchiveRange | null; onSelect: (range: ArchiveRange) => void }) {
  return (
    <div
      role="group"
      aria-label="Time range"
      className="inline-flex max-w-full flex-wrap self-start rounded-md border border-slate-300 bg-white p-0.5 shadow-sm"
    >
      {ARCHIVE_RANGES.map((range) => (
        <button
          key={range}
          type="button"
          aria-pressed={range === value}
          data-testid={`slowlog-range-${range}`}
          onClick={() => onSelect(range)}
          className="rounded px-2.5 py-1 text-sm font-medium whitespace-nowrap text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-700 aria-pressed:bg-red-700 aria-pressed:text-white aria-pressed:hover:bg-red-800"
        >
          Last {RANGE_LABELS[range].short}
        </button>
      ))}
    </div>
  );
}
