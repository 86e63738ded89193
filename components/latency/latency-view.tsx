'use client';
// The latency page of one instance (SPEC section 11): the dashboard's PING round trips against
// the 1 ms target, then what Redis's latency monitor recorded, with a warning and the fix when
// it is off.
import type { LatencyResponse } from '@/lib/commands/types';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useLatency } from '@/lib/queries/latency';
import { InstancePageHeader } from '@/components/instance/instance-page-header';
import { InstanceNotFound } from '@/components/instance/instance-not-found';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { DoctorText, HistoryChart, LatestTable } from './monitor-panel';
import { MonitorWarning } from './monitor-warning';
import { PingPanel } from './ping-panel';

export function LatencyView({ id }: { id: string }) {
  const latency = useLatency(id);
  if (errorCodeOf(latency.error) === 'NOT_FOUND') return <InstanceNotFound id={id} />;
  return (
    <div className="space-y-6">
      <InstancePageHeader id={id} title="Latency">
        {(name) => (
          <>
            How long <span className="font-medium break-all text-slate-900">{name}</span> takes to answer: the dashboard&apos;s PING round
            trips against the guide&apos;s target (95 % under 1 ms), and the spikes Redis&apos;s latency monitor recorded.
          </>
        )}
      </InstancePageHeader>
      <QueryState
        query={latency}
        loading={
          <Loading label="Loading the latency figures">
            <Skeleton className="h-64 w-full" />
          </Loading>
        }
        failed={(error) => <ErrorState title="Could not read the latency figures" message={error.message} code={errorCodeOf(error)} />}
        refreshFailed={{ title: 'Could not refresh the latency figures', shown: 'the figures below are from the last answer' }}
      >
        {(data) => <LatencyBody id={id} data={data} />}
      </QueryState>
    </div>
  );
}

function LatencyBody({ id, data }: { id: string; data: LatencyResponse }) {
  const { monitor } = data;
  return (
    <div className="space-y-6">
      <PingPanel pings={data.pings} windowSeconds={data.windowSeconds} />
      {!monitor.available ? (
        <ErrorState title="Could not read the latency monitor" message={monitor.reason} code="REDIS_COMMAND_DENIED" data-testid="latency-monitor-unavailable">
          The ACL user needs <code className="font-mono">+latency|latest +latency|history +latency|doctor +config|get</code>.
        </ErrorState>
      ) : (
        <>
          {monitor.monitorDisabled && monitor.fix ? <MonitorWarning id={id} fix={monitor.fix} /> : null}
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <LatestTable events={monitor.events} thresholdMs={monitor.thresholdMs} />
            <HistoryChart events={monitor.events} />
          </div>
          <DoctorText doctor={monitor.doctor} />
        </>
      )}
    </div>
  );
}
