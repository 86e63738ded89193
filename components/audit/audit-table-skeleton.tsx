import { Card } from '@/components/ui/card';
import { Loading, Skeleton } from '@/components/ui/skeleton';

export function AuditTableSkeleton() {
  return (
    <Loading label="Loading the audit log…">
      <Card className="space-y-3">
        <Skeleton className="h-4 w-1/3" />
        {[0, 1, 2, 3, 4].map((n) => (
          <Skeleton key={n} className="h-6 w-full" />
        ))}
      </Card>
    </Loading>
  );
}
