'use client';
// Filters of the live table, kept in the URL (`?command=KEYS&client=worker&text=user:`) so a
// filtered view can be shared and gone back to. The command applies when chosen; text on Enter.
import { useSearchParams } from 'next/navigation';
import { useId } from 'react';
import { withParams } from '@/lib/form-params';
import { FILTER_MAX_LENGTH, hasFilters, parseSlowlogFilters, type SlowlogFilters } from './model/live-filters';
import { ChoiceFilter, Field } from '@/components/ui/field';
import { FilterForm, FilterText } from '@/components/ui/filter-form';
import { pushQuery } from './url';

interface LiveFiltersProps {
  filters: SlowlogFilters;
  /** Command names in the live entries, for the command choice. */
  commands: string[];
  /** A Redis Cluster instance's log: the nodes in its entries, for the node choice (empty otherwise). */
  nodes?: string[];
}

export function LiveFilters({ filters, commands, nodes = [] }: LiveFiltersProps) {
  const searchParams = useSearchParams();
  const id = useId();
  // A command chosen in the URL stays a choice even when no live entry has it any more.
  const choices = filters.command && !commands.includes(filters.command) ? [filters.command, ...commands] : commands;

  function show(next: SlowlogFilters) {
    pushQuery(withParams(searchParams, { command: next.command, client: next.client, text: next.text, node: next.node }));
  }

  return (
    <FilterForm
      label="Filter the live entries"
      onApply={(fields) => show(parseSlowlogFilters(fields))}
      onClear={hasFilters(filters) ? () => show({}) : undefined}
      className="p-3"
    >
      <div className={`grid grid-cols-1 gap-3 ${nodes.length > 0 || filters.node ? 'sm:grid-cols-4' : 'sm:grid-cols-3'}`}>
        {nodes.length > 0 || filters.node ? (
          <Field label="Node" htmlFor={`${id}-node`}>
            <ChoiceFilter
              id={`${id}-node`}
              name="node"
              value={filters.node}
              choices={filters.node && !nodes.includes(filters.node) ? [filters.node, ...nodes] : nodes}
            />
          </Field>
        ) : null}
        <Field label="Command" htmlFor={`${id}-command`}>
          <ChoiceFilter id={`${id}-command`} name="command" value={filters.command} choices={choices} />
        </Field>
        <FilterText
          id={`${id}-client`}
          name="client"
          label="Client address or name"
          value={filters.client}
          placeholder="10.0.0.5 or worker"
          maxLength={FILTER_MAX_LENGTH}
        />
        <FilterText
          id={`${id}-text`}
          name="text"
          type="search"
          label="Text in the command"
          value={filters.text}
          placeholder="user:42"
          maxLength={FILTER_MAX_LENGTH}
        />
      </div>
    </FilterForm>
  );
}
