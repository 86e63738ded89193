// The audit page: heading, then the URL-driven filters and results. Suspense is what Next asks
// of any client component reading useSearchParams.
import { Suspense } from 'react';
import { AuditBrowser } from './audit-browser';
import { AuditTableSkeleton } from './audit-table-skeleton';

export function AuditLogView() {
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every sign-in and every change made through Redlens: who, when, from where, on which instance, and how it
          went. Newest first.
        </p>
      </div>
      <Suspense fallback={<AuditTableSkeleton />}>
        <AuditBrowser />
      </Suspense>
    </div>
  );
}
