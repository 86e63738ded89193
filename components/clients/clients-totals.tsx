// The counts first: connections against the guide's target (Redlens's own left out), the pool
// advice, how many clients carry each flag, and a note when the list was cut at its bound.
import type { ClientsResponse } from '@/lib/clients/types';
import { CLIENT_FLAGS } from '@/lib/clients/types';
import { formatDateTime, formatNumber, plural } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/panel';
import { TargetNote } from '@/components/ui/target-note';
import { FLAG_VIEW, targetVerdict } from './model/clients-view-model';

export function ClientsTotals({ data }: { data: ClientsResponse }) {
  const { counted, verdict } = targetVerdict(data.total, data.own, data.target.clientsMax);
  const { pool } = data.target;
  return (
    <Panel title="Connections" data-testid="clients-totals">
      <div className="flex flex-wrap items-baseline gap-x-8 gap-y-3">
        <div>
          <p className="text-3xl font-semibold tabular-nums text-slate-900" data-testid="clients-counted">{formatNumber(counted, 0)}</p>
          <p className="text-sm text-slate-600">
            connected clients without Redlens’s own ({plural(data.own, 'connection', 'connections')} of Redlens, {formatNumber(data.total, 0)} in all)
          </p>
          <TargetNote target={`< ${data.target.clientsMax}`} verdict={verdict} />
        </div>
        <p className="max-w-prose text-sm text-slate-600">
          The guide’s advice: a connection pool of {pool.min}-{pool.max} connections per application instance, and fewer than{' '}
          {data.target.clientsMax} connections in all. A host or a pool name with more shows a note in the groups below.
        </p>
      </div>
      <ul className="mt-4 flex flex-wrap gap-2" aria-label="Clients by flag">
        {CLIENT_FLAGS.map((flag) => (
          <li key={flag} title={FLAG_VIEW[flag].why}>
            <Badge tone={data.flagCounts[flag] > 0 ? FLAG_VIEW[flag].tone : 'neutral'} data-testid={`clients-flag-count-${flag}`}>
              {FLAG_VIEW[flag].label}: {formatNumber(data.flagCounts[flag], 0)}
            </Badge>
          </li>
        ))}
      </ul>
      {data.truncated ? (
        <p className="mt-3 text-sm text-amber-900" data-testid="clients-truncated">
          Redis lists {formatNumber(data.total, 0)} clients: the flags, the groups and the table hold the first{' '}
          {formatNumber(data.limit, 0)} only (the bound of one read); the connection counts are of all of them.
        </p>
      ) : null}
      <p className="mt-2 text-xs text-slate-500">Read at {formatDateTime(data.fetchedAt)}.</p>
    </Panel>
  );
}
