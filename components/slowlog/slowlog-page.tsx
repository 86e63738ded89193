// The slow log page. Suspense is what Next asks of client components reading useSearchParams
// (the tab, the filters, the archive's range and search live in the URL).
import { Suspense } from 'react';
import { SlowlogSkeleton } from './slowlog-skeleton';
import { SlowlogView } from './slowlog-view';

export function SlowlogPage({ id }: { id: string }) {
  return (
    <Suspense fallback={<SlowlogSkeleton />}>
      <SlowlogView id={id} />
    </Suspense>
  );
}
