// The analysis page. Suspense is what Next asks of client components reading useSearchParams
// (the run shown and the one compared with live in the URL).
import { Suspense } from 'react';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { AnalysisView } from './analysis-view';

export function AnalysisPage({ id }: { id: string }) {
  return (
    <Suspense
      fallback={
        <Loading label="Loading the analysis page…">
          <Skeleton className="h-64 w-full" />
        </Loading>
      }
    >
      <AnalysisView id={id} />
    </Suspense>
  );
}
