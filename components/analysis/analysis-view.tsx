'use client';
// The keyspace analysis page of one instance (SPEC section 10): start a run, watch it, and read
// the answer to the admin's three questions (what is big, which namespaces use the memory, what
// has no TTL); earlier runs listed and compared. The run shown and the one compared with live in
// the URL; without one, the newest run is shown.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useAnalysisRuns } from '@/lib/queries/analysis';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { InstanceNotFound } from '@/components/instance/instance-not-found';
import { analysisPageSearch, parseAnalysisPage, type AnalysisPageState } from './model/page-url';
import { RunPanel } from './run-panel';
import { RunsList } from './runs-list';
import { StartForm } from './start-form';
import { InstancePageHeader } from '@/components/instance/instance-page-header';

export function AnalysisView({ id }: { id: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = parseAnalysisPage(searchParams);
  const runs = useAnalysisRuns(id);
  const go = (next: AnalysisPageState) => router.push(`${pathname}${analysisPageSearch(searchParams, next)}`, { scroll: false });

  if (errorCodeOf(runs.error) === 'NOT_FOUND' && runs.data === undefined) return <InstanceNotFound id={id} />;

  const list = runs.data?.runs ?? [];
  const shown = state.run ?? list[0]?.id ?? null;
  const compare = shown !== null && state.compare !== shown ? state.compare : null;
  const runningId = list.find((run) => run.status === 'running')?.id ?? null;

  return (
    <div className="space-y-6">
      <InstancePageHeader id={id} title="Keyspace analysis">
        {() =>
          'Walks the keys of one db (SCAN, then TYPE, PTTL, MEMORY USAGE and the length of each) to tell what is big, which namespaces use the memory and what has no TTL.'}
      </InstancePageHeader>

      <Panel title="New analysis">
        <StartForm id={id} runningId={runningId} onStarted={(runId) => go({ run: runId, compare: null })} onOpen={(runId) => go({ run: runId, compare: null })} />
      </Panel>

      <QueryState
        query={runs}
        loading={
          <Loading label="Loading the analyses…">
            <Skeleton className="h-24 w-full" />
          </Loading>
        }
        failed={(error) => <ErrorState title="The analyses could not be listed" message={error.message} code={errorCodeOf(error)} />}
        refreshFailed={{ title: 'Could not refresh the list of analyses', shown: 'the list read' }}
      >
        {(data) =>
          data.runs.length === 0 && state.run === null ? (
            <EmptyState title="No analysis yet: start one">
              An analysis visits every key of a db (or a sample) once, paced so Redis keeps answering its clients in time.
            </EmptyState>
          ) : (
            <div className="space-y-6">
              {shown !== null ? (
                <section aria-label="The analysis shown">
                  <RunPanel id={id} runId={shown} compareTo={compare} />
                </section>
              ) : null}
              {data.runs.length > 0 ? (
                <Panel title="Analyses of this instance">
                  <RunsList
                    runs={data.runs}
                    shown={shown}
                    comparedWith={compare}
                    onOpen={(runId) => go({ run: runId, compare: null })}
                    onCompare={(other) => go({ run: shown, compare: other })}
                  />
                </Panel>
              ) : null}
            </div>
          )
        }
      </QueryState>
    </div>
  );
}
