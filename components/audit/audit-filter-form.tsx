'use client';
// Filters for the audit log. Applying one pushes it to the URL, so a filtered view can be
// bookmarked, shared and gone back to; the results follow the URL.
import { usePathname, useRouter } from 'next/navigation';
import { useId, type FormEvent } from 'react';
import { AUDIT_OUTCOMES } from '@/lib/audit/types';
import {
  AUDIT_FILTER_MAX_LENGTH,
  auditSearchParams,
  hasAuditFilters,
  parseAuditFilters,
  type AuditFilters,
} from '@/lib/queries/audit';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ChoiceFilter, Field, TextInput } from '@/components/ui/field';
import { formSearchParams } from '@/lib/form-params';

const TEXT_FIELDS = [
  { name: 'actor', label: 'Actor', placeholder: 'admin' },
  { name: 'action', label: 'Action', placeholder: 'auth.login' },
  { name: 'instance', label: 'Instance', placeholder: 'default' },
] as const;

export function AuditFilterForm({ filters }: { filters: AuditFilters }) {
  const router = useRouter();
  const pathname = usePathname();
  const id = useId();
  const hintId = `${id}-hint`;

  function show(next: AuditFilters) {
    const query = auditSearchParams(next).toString();
    router.push(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    show(parseAuditFilters(formSearchParams(event.currentTarget)));
  }

  return (
    <Card>
      <form role="search" aria-label="Filter the audit log" aria-describedby={hintId} onSubmit={apply}>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
          {TEXT_FIELDS.map((field) => (
            <Field key={field.name} label={field.label} htmlFor={`${id}-${field.name}`}>
              <TextInput
                id={`${id}-${field.name}`}
                name={field.name}
                defaultValue={filters[field.name] ?? ''}
                placeholder={field.placeholder}
                maxLength={AUDIT_FILTER_MAX_LENGTH}
                autoComplete="off"
                spellCheck={false}
              />
            </Field>
          ))}
          <Field label="Outcome" htmlFor={`${id}-outcome`}>
            <ChoiceFilter id={`${id}-outcome`} name="outcome" value={filters.outcome} choices={AUDIT_OUTCOMES} />
          </Field>
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary">
            Apply filters
          </Button>
          {hasAuditFilters(filters) ? <Button onClick={() => show({})}>Clear filters</Button> : null}
          <p id={hintId} className="text-xs text-slate-500">
            Filters match whole values: action <code className="font-mono">auth.login</code>, not{' '}
            <code className="font-mono">login</code>.
          </p>
        </div>
      </form>
    </Card>
  );
}
