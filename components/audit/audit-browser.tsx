'use client';
// Reads the filters from the URL and hands them to the form and the results.
import { useSearchParams } from 'next/navigation';
import { parseAuditFilters } from '@/lib/queries/audit';
import { AuditFilterForm } from './audit-filter-form';
import { AuditResults } from './audit-results';

export function AuditBrowser() {
  const searchParams = useSearchParams();
  const filters = parseAuditFilters(searchParams);
  return (
    <>
      {/* Keyed by the URL: Back/Forward remounts the form with the filters being shown. */}
      <AuditFilterForm key={searchParams.toString()} filters={filters} />
      <AuditResults filters={filters} />
    </>
  );
}
