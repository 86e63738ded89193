'use client';
// The home page: one card per configured instance, from one poll of GET /api/fleet.
import { useFleet } from '@/lib/queries/fleet';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { POLL_FLEET_MS } from '@/lib/queries/poll';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { RefreshFailed } from '@/components/ui/refresh-failed';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { InstanceCard } from './instance-card';

const GRID = 'grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3';

export function FleetOverview() {
  return (
    <div>
      <h1 className="text-2xl font-bold text-slate-900">Instances</h1>
      <p className="mt-1 mb-5 text-sm text-slate-600">
        Every configured Redis, refreshed every {POLL_FLEET_MS / 1000} s. Open one for memory, stats,
        persistence, replication and keyspace.
      </p>
      <FleetBody />
    </div>
  );
}

function FleetBody() {
  const { data, error, isPending, dataUpdatedAt } = useFleet();

  if (isPending) return <FleetSkeleton />;
  if (!data) {
    return (
      <ErrorState
        title="Cannot load the instance list"
        message={error instanceof Error ? error.message : 'Unknown error.'}
        code={errorCodeOf(error)}
      >
        Redlens retries automatically.
      </ErrorState>
    );
  }
  if (data.instances.length === 0) {
    return (
      <EmptyState title="No Redis instance configured">
        <p>
          Set <code className="font-mono">REDIS_URL</code> (one instance, e.g.{' '}
          <code className="font-mono">redis://127.0.0.1:6379</code>) or point{' '}
          <code className="font-mono">REDLENS_CONFIG</code> at a JSON file listing several, then restart Redlens.
        </p>
      </EmptyState>
    );
  }
  // TanStack keeps the last answer when a poll fails: show it, greyed and dated, under the reason.
  return (
    <div className="space-y-4">
      {error ? <RefreshFailed title="Could not refresh the instances" error={error} updatedAt={dataUpdatedAt} shown="the last answer" /> : null}
      <ul className={`${GRID} ${error ? 'opacity-50 grayscale' : ''}`} aria-label="Redis instances">
        {data.instances.map((instance) => (
          <li key={instance.id} className="min-w-0">
            <InstanceCard instance={instance} thresholds={data.thresholds} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function FleetSkeleton() {
  return (
    <Loading label="Loading instances…">
      <div className={GRID}>
        {[0, 1, 2].map((n) => (
          <Card key={n} className="space-y-3">
            <Skeleton className="h-5 w-1/2" />
            <Skeleton className="h-3 w-2/3" />
            <Skeleton className="h-2 w-full" />
            <Skeleton className="h-16 w-full" />
          </Card>
        ))}
      </div>
    </Loading>
  );
}
