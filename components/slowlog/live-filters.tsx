'use client';
// Filters of the live table, kept in the URL (`?command=KEYS&client=worker&text=user:`) so a
// filtered view can be shared and gone back to. The command applies when chosen; text on Enter.
import { useSearchParams } from 'next/navigation';
import { useId, type FormEvent } from 'react';
import { FILTER_MAX_LENGTH, hasFilters, parseSlowlogFilters, withParams, type SlowlogFilters } from '@/lib/slowlog/view';
import { Button } from '@/components/ui/button';
import { ChoiceFilter, Field, TextInput } from '@/components/ui/field';
import { pushQuery } from './url';
import { formSearchParams } from '@/lib/form-params';

interface LiveFiltersProps {
  filters: SlowlogFilters;
  /** Command names in the live entries, for the command choice. */
  commands: string[];
}

export function LiveFilters({ filters, commands }: LiveFiltersProps) {
  const searchParams = useSearchParams();
  const id = useId();
  // A command chosen in the URL stays a choice even when no live entry has it any more.
  const choices = filters.command && !commands.includes(filters.command) ? [filters.command, ...commands] : commands;

  function show(next: SlowlogFilters) {
    pushQuery(withParams(searchParams, { command: next.command, client: next.client, text: next.text }));
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    show(parseSlowlogFilters(formSearchParams(event.currentTarget)));
  }

  return (
    <form role="search" aria-label="Filter the live entries" onSubmit={apply} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-3">
        <Field label="Command" htmlFor={`${id}-command`}>
          <ChoiceFilter id={`${id}-command`} name="command" value={filters.command} choices={choices} />
        </Field>
        <Field label="Client address or name" htmlFor={`${id}-client`}>
          <TextInput
            id={`${id}-client`}
            name="client"
            defaultValue={filters.client ?? ''}
            placeholder="10.0.0.5 or worker"
            maxLength={FILTER_MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        <Field label="Text in the command" htmlFor={`${id}-text`}>
          <TextInput
            id={`${id}-text`}
            name="text"
            type="search"
            defaultValue={filters.text ?? ''}
            placeholder="user:42"
            maxLength={FILTER_MAX_LENGTH}
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary">
          Apply filters
        </Button>
        {hasFilters(filters) ? <Button onClick={() => show({})}>Clear filters</Button> : null}
      </div>
    </form>
  );
}
