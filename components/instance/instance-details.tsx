// The panels of the instance page, laid out; rendering only (InstanceOverview fetches).
import type { InfoResponse } from '@/lib/api/types';
import { Card } from '@/components/ui/card';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { ClientsPanel } from './clients-panel';
import { KeyspacePanel } from './keyspace-panel';
import { MemoryPanel } from './memory-panel';
import { PersistencePanel } from './persistence-panel';
import { ReplicationPanel } from './replication-panel';
import { StatsPanel } from './stats-panel';

const GRID = 'grid grid-cols-1 gap-4 lg:grid-cols-2';

export function InstanceDetails({ info }: { info: InfoResponse }) {
  const { derived, fetchedAt, thresholds } = info;
  return (
    <div className="space-y-4">
      <div className={GRID}>
        <MemoryPanel memory={derived.memory} thresholds={thresholds} />
        <StatsPanel stats={derived.stats} thresholds={thresholds} />
        <ClientsPanel clients={derived.clients} thresholds={thresholds} />
        <PersistencePanel persistence={derived.persistence} fetchedAt={fetchedAt} />
        <ReplicationPanel derived={derived} />
      </div>
      <KeyspacePanel keyspace={derived.keyspace} />
    </div>
  );
}

export function InstanceDetailsSkeleton() {
  return (
    <Loading label="Loading INFO…">
      <div className={GRID}>
        {[0, 1, 2, 3].map((n) => (
          <Card key={n} className="space-y-3">
            <Skeleton className="h-4 w-1/3" />
            <Skeleton className="h-24 w-full" />
          </Card>
        ))}
      </div>
    </Loading>
  );
}
