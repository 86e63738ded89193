'use client';
// The clients page of one instance (SPEC section 11): who is connected, counted against the
// guide's targets, grouped by name, host and library, and the table of clients with the admin's
// kill. One poll of GET /api/instances/{id}/clients.
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useClients } from '@/lib/queries/clients';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { InstanceNotFound } from '@/components/instance/instance-not-found';
import { ClientGroups } from './client-groups';
import { ClientsTable } from './clients-table';
import { ClientsTotals } from './clients-totals';
import { InstancePageHeader } from '@/components/instance/instance-page-header';

export function ClientsView({ id }: { id: string }) {
  const clients = useClients(id);
  if (errorCodeOf(clients.error) === 'NOT_FOUND' && clients.data === undefined) return <InstanceNotFound id={id} />;

  return (
    <div className="space-y-6">
      <InstancePageHeader id={id} title="Clients">
        {() =>
          'Every connection Redis lists (CLIENT LIST): who the connections are, which pools they come from, and which ones are idle, blocked or hold big buffers.'}
      </InstancePageHeader>

      <QueryState
        query={clients}
        loading={
          <Loading label="Loading the clients…">
            <Skeleton className="h-24 w-full" />
            <Skeleton className="mt-4 h-64 w-full" />
          </Loading>
        }
        failed={(error) => (
          <ErrorState title="The clients could not be listed" message={error.message} code={errorCodeOf(error)} data-testid="clients-error" />
        )}
        refreshFailed={{ title: 'Could not refresh the clients', shown: 'the list read', 'data-testid': 'clients-refresh-failed' }}
      >
        {(data) => (
          <div className="space-y-6">
            <ClientsTotals data={data} />
            <ClientGroups data={data} />
            <ClientsTable id={id} data={data} />
          </div>
        )}
      </QueryState>
    </div>
  );
}
