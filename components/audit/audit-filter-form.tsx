'use client';
// Filters for the audit log. Applying one pushes it to the URL, so a filtered view can be
// bookmarked, shared and gone back to; the results follow the URL.
import { usePathname, useRouter } from 'next/navigation';
import { useId } from 'react';
import { AUDIT_OUTCOMES } from '@/lib/audit/types';
import {
  AUDIT_FILTER_MAX_LENGTH,
  auditSearchParams,
  hasAuditFilters,
  parseAuditFilters,
} from '@/lib/queries/audit';
import type { AuditFilters } from '@/lib/queries/filters';
import { ChoiceFilter, Field } from '@/components/ui/field';
import { FilterForm, FilterText } from '@/components/ui/filter-form';

const TEXT_FIELDS = [
  { name: 'actor', label: 'Actor', placeholder: 'admin' },
  { name: 'action', label: 'Action', placeholder: 'auth.login' },
  { name: 'instance', label: 'Instance', placeholder: 'default' },
] as const;

export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();

  function show(next: AuditFilters) {
    const query = auditSearchParams(next).toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  return (
    <FilterForm
      label="Filter the audit log"
      onApply={(fields) => show(parseAuditFilters(fields))}
      onClear={hasAuditFilters(filters) ? () => show({}) : undefined}
      hint={
        <>
          Filters match whole values: action <code className="font-mono">auth.login</code>, not{' '}
          <code className="font-mono">login</code>.
        </>
      }
      className="p-4"
    >
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {TEXT_FIELDS.map((field) => (
          <FilterText
            key={field.name}
            id={`${id}-${field.name}`}
            name={field.name}
            label={field.label}
            value={filters[field.name]}
            placeholder={field.placeholder}
            maxLength={AUDIT_FILTER_MAX_LENGTH}
          />
        ))}
        <Field label="Outcome" htmlFor={`${id}-outcome`}>
          <ChoiceFilter id={`${id}-outcome`} name="outcome" value={filters.outcome} choices={AUDIT_OUTCOMES} />
        </Field>
      </div>
    </FilterForm>
  );
}
