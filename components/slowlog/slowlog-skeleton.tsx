import { Card } from '@/components/ui/card';
import { Loading, Skeleton } from '@/components/ui/skeleton';

/** A table's place while its rows load. */
export function TableSkeleton({ label }: { label: string }) {
  return (
    <Loading label={label}>
      <Card className="space-y-3">
        <Skeleton className="h-4 w-1/3" />
        {[0, 1, 2, 3, 4, 5].map((n) => (
          <Skeleton key={n} className="h-6 w-full" />
        ))}
      </Card>
    </Loading>
  );
}

/** The page's place while the URL is read (the Suspense fallback). */
export function SlowlogSkeleton() {
  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Skeleton className="h-4 w-32" />
        <h1 className="text-2xl font-bold text-slate-900">Slow log</h1>
      </div>
      <TableSkeleton label="Loading the slow log…" />
    </div>
  );
}
