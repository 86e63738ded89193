'use client';
// The commands page of one instance (SPEC section 11): what costs Redis its time over the
// sampler's window, Redlens's own calls out; the guide's warnings; errors by type.
import type { CommandsResponse } from '@/lib/commands/types';
import { formatDuration, plural } from '@/lib/format';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useCommands } from '@/lib/queries/commands';
import { InstanceNotFound } from '@/components/instance/instance-not-found';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { CommandsTable } from './commands-table';
import { ErrorsTable } from './errors-table';
import { InstancePageHeader } from '@/components/instance/instance-page-header';

export function CommandsView({ id }: { id: string }) {
  const commands = useCommands(id);
  if (errorCodeOf(commands.error) === 'NOT_FOUND') return <InstanceNotFound id={id} />;
  return (
    <div className="space-y-6">
      <InstancePageHeader id={id} title="Commands">
        {(name) => (
          <>
            What costs <span className="font-medium break-all text-slate-900">{name}</span> its time: INFO commandstats,
            latencystats and errorstats as rates over the last sampler window, with Redlens&apos;s own calls taken out.
          </>
        )}
      </InstancePageHeader>
      <QueryState
        query={commands}
        loading={
          <Loading label="Loading the commands">
            <Skeleton className="h-64 w-full" />
          </Loading>
        }
        failed={(error) => <ErrorState title="Could not read the commands" message={error.message} code={errorCodeOf(error)} />}
        refreshFailed={{ title: 'Could not refresh the commands', shown: 'the figures below are from the last answer' }}
      >
        {(data) => <CommandsBody data={data} />}
      </QueryState>
    </div>
  );
}

function CommandsBody({ data }: { data: CommandsResponse }) {
  if (data.windowSeconds === null) {
    return (
      <div data-testid="commands-collecting">
        <EmptyState title="Collecting the first window">
          Rates need two samples of the same Redis run: the sampler takes one every few seconds. This page fills in by itself.
        </EmptyState>
      </div>
    );
  }
  const warned = data.commands.filter((row) => row.warning);
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600" data-testid="commands-window">
        Over the last {formatDuration(Math.round(data.windowSeconds))}; {plural(data.ownCalls, 'call', 'calls')} of Redlens&apos;s own
        left out. µs per call and shares are Redis&apos;s own time running each command.
        {data.percentilesAvailable ? ' Percentiles (latencystats) count every call since Redis started or CONFIG RESETSTAT.' : ' This Redis has no latencystats (Redis 7 adds them).'}
      </p>
      {warned.length > 0 ? (
        <div role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="commands-warnings">
          <span aria-hidden="true">⚠ </span>
          The application calls {warned.map((row) => row.command.toUpperCase()).join(', ')}: the tuning guide warns against{' '}
          {warned.length === 1 ? 'it' : 'them'} on a busy Redis (advice beside each below).
        </div>
      ) : null}
      <Panel title="Commands" data-testid="commands-panel">
        {data.commands.length === 0 ? (
          <p className="text-sm text-slate-600">The application sent no commands in the window.</p>
        ) : (
          <CommandsTable rows={data.commands} percentilesAvailable={data.percentilesAvailable} />
        )}
      </Panel>
      <Panel title="Errors by type" data-testid="errors-panel">
        <ErrorsTable errors={data.errors} />
      </Panel>
    </div>
  );
}
