'use client';
// Fetches the audit log for the filters and picks the state: loading, error, empty, or the table
// with "Load older" paging back through `nextBefore`.
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { hasAuditFilters, useAuditLog } from '@/lib/queries/audit';
import type { AuditFilters } from '@/lib/queries/filters';
import { formatNumber } from '@/lib/format';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { AuditTable } from './audit-table';
import { AuditTableSkeleton } from './audit-table-skeleton';

export function AuditResults({ filters }: { filters: AuditFilters }) {
  const audit = useAuditLog(filters);

  if (audit.isPending) return <AuditTableSkeleton />;
  if (!audit.data) return <AuditError title="Cannot load the audit log" error={audit.error} />;

  const entries = audit.data.pages.flatMap((page) => page.entries);
  if (entries.length === 0) {
    return hasAuditFilters(filters) ? (
      <EmptyState title="No audit entries match these filters">
        Filters match whole values; clear them to see every entry.
      </EmptyState>
    ) : (
      <EmptyState title="No audit entries yet">Sign-ins and changes to Redis are recorded here.</EmptyState>
    );
  }

  return (
    <div className="space-y-3">
      {/* A failed refresh keeps the rows already shown; say that they may be out of date. */}
      {audit.isRefetchError ? <AuditError title="Cannot refresh the audit log" error={audit.error} /> : null}
      <AuditTable entries={entries} />
      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-600">
        <p>
          {formatNumber(entries.length)} {entries.length === 1 ? 'entry' : 'entries'} shown
          {audit.hasNextPage ? '.' : ', down to the oldest.'}
        </p>
        {audit.hasNextPage ? (
          <Button
            onClick={() => void audit.fetchNextPage()}
            disabled={audit.isFetchingNextPage}
            aria-busy={audit.isFetchingNextPage}
          >
            {audit.isFetchingNextPage ? 'Loading older…' : 'Load older'}
          </Button>
        ) : null}
      </div>
      {audit.isFetchNextPageError ? <AuditError title="Cannot load older entries" error={audit.error} /> : null}
    </div>
  );
}

function AuditError({ title, error }: { title: string; error: Error | null }) {
  return (
    <ErrorState
      title={title}
      message={error?.message ?? 'Unknown error.'}
      code={errorCodeOf(error)}
      data-testid="audit-error"
    />
  );
}
