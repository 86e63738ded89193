'use client';
// The config audit page of one instance: the counts, the section 3 table with fixes, every other
// setting searchable. A denied CONFIG GET says which ACL permission is missing (the API's words).
import Link from 'next/link';
import type { ConfigAuditResponse } from '@/lib/config-audit/types';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useConfigAudit } from '@/lib/queries/config';
import { InstanceNotFound } from '@/components/instance/instance-not-found';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { QueryState } from '@/components/ui/query-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { AuditTable, STATUS_TONE } from './audit-table';
import { ClusterConfig } from './cluster-config';
import { OtherSettings } from './other-settings';
import { InstancePageHeader } from '@/components/instance/instance-page-header';

const ERROR_TITLES: Partial<Record<string, string>> = {
  REDIS_COMMAND_DENIED: 'Redis refused CONFIG GET',
  REDIS_UNAVAILABLE: 'Redis is unreachable',
  REDIS_TIMEOUT: 'Redis did not answer in time',
  NETWORK: 'The Redlens server is unreachable',
};
const errorTitle = (error: Error) => ERROR_TITLES[errorCodeOf(error) ?? ''] ?? 'Could not read the settings';

export function ConfigAuditView({ id }: { id: string }) {
  const audit = useConfigAudit(id);

  if (errorCodeOf(audit.error) === 'NOT_FOUND') return <InstanceNotFound id={id} />;

  return (
    <div className="space-y-6">
      <InstancePageHeader id={id} title="Config audit">
        {(name) => (
          <>
            The settings of <span className="font-medium break-all text-slate-900">{name}</span> against the guide’s
            recommendations for a cache, with the fix for each. <Link href="/config-drift" className="underline">Compare the fleet</Link>.
          </>
        )}
      </InstancePageHeader>
      <QueryState
        query={audit}
        loading={<Loading label="Reading the settings…"><Skeleton className="h-64" /></Loading>}
        failed={(error) => <ErrorState title={errorTitle(error)} message={error.message} code={errorCodeOf(error)} data-testid="config-error" />}
        refreshFailed={{ title: errorTitle, shown: 'the settings read', 'data-testid': 'config-stale' }}
      >
        {(data) => ('kind' in data ? <ClusterConfig data={data} /> : <AuditBody id={id} data={data} />)}
      </QueryState>
    </div>
  );
}

function AuditBody({ id, data }: { id: string; data: ConfigAuditResponse }) {
  return (
    <>
      <section aria-label="Summary" className="flex flex-wrap items-center gap-2 text-sm" data-testid="config-summary">
        {data.version ? <span className="text-slate-600">Redis {data.version}:</span> : null}
        {(['warn', 'ok', 'info'] as const).map((status) => (
          <Badge key={status} tone={STATUS_TONE[status]} data-testid={`config-summary-${status}`}>
            {data.summary[status]} {status}
          </Badge>
        ))}
      </section>
      <AuditTable id={id} settings={data.settings} />
      <OtherSettings id={id} settings={data.other} redacted={data.redacted} />
    </>
  );
}
