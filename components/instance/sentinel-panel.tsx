'use client';
// The sentinels' view of a Sentinel instance: the master they name, the quorum, the replicas and
// sentinels they know, and which sentinel answered. Nothing for an instance that is not one.
import type { SentinelPeerView, SentinelView } from '@/lib/api/sentinel';
import { formatDuration, formatNumber } from '@/lib/format';
import { useSentinel } from '@/lib/queries/sentinel';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { Badge } from '@/components/ui/badge';
import { ErrorState } from '@/components/ui/error-state';
import { Panel } from '@/components/ui/panel';
import { QueryState } from '@/components/ui/query-state';
import { Stat, StatList } from '@/components/ui/stat';
import { flagsTone } from './sentinel-flags';

function Flags({ flags }: { flags: readonly string[] }) {
  return <Badge tone={flagsTone(flags)}>{flags.length > 0 ? flags.join(', ') : 'no flags'}</Badge>;
}

function PeerTable({ caption, peers, replicas }: { caption: string; peers: SentinelPeerView[]; replicas: boolean }) {
  if (peers.length === 0) return <p className="mt-3 text-sm text-slate-600">{caption}: none known.</p>;
  return (
    <table className="mt-3 w-full text-left text-sm">
      <caption className="mb-1 text-left font-medium text-slate-700">{caption}</caption>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">Address</th>
          <th scope="col" className="py-1 pr-3 font-medium">State</th>
          <th scope="col" className="py-1 pr-3 font-medium">Last good PING</th>
          {replicas ? <th scope="col" className="py-1 pr-3 font-medium">Link to master</th> : null}
        </tr>
      </thead>
      <tbody>
        {peers.map((peer) => (
          <tr key={peer.address} className="border-t border-slate-100">
            <td className="break-all py-1 pr-3 font-mono">{peer.address}</td>
            <td className="py-1 pr-3"><Flags flags={peer.flags} /></td>
            <td className="py-1 pr-3">{peer.lastOkPingMs !== null ? `${formatDuration(peer.lastOkPingMs / 1000)} ago` : '—'}</td>
            {replicas ? (
              <td className="py-1 pr-3">
                {peer.masterLinkStatus ?? '—'}
                {peer.following ? <span className="ml-1 break-all font-mono text-xs text-slate-500">to {peer.following}</span> : null}
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SentinelBody({ view }: { view: SentinelView }) {
  const { master } = view;
  return (
    <>
      <StatList>
        <Stat label="Master group" value={<span className="break-all font-mono text-sm">{master.name}</span>} />
        <Stat label="Master now" value={<span className="break-all font-mono text-sm">{master.address}</span>} testId="sentinel-master" />
        <Stat label="State" value={<Flags flags={master.flags} />} />
        <Stat label="Quorum" value={formatNumber(master.quorum)} hint={`of ${formatNumber(master.otherSentinels + 1)} sentinels`} />
        <Stat label="Replicas" value={formatNumber(master.replicas)} />
        <Stat label="Config epoch" value={master.configEpoch !== null ? formatNumber(master.configEpoch) : '—'} hint="raised by each failover" />
      </StatList>
      <PeerTable caption="Replicas the sentinels know" peers={view.replicas} replicas />
      <PeerTable caption={`Other sentinels (asked ${view.answeredBy})`} peers={view.sentinels} replicas={false} />
      {view.unreachable.length > 0 ? (
        <p className="mt-3 text-sm text-amber-900">
          Did not answer: {view.unreachable.map(({ address, error }) => `${address} (${error})`).join('; ')}.
        </p>
      ) : null}
    </>
  );
}

export function SentinelPanel({ id }: { id: string }) {
  const sentinel = useSentinel(id);
  // A plain instance: nothing to show.
  if (sentinel.data?.sentinel === null) return null;
  return (
    <Panel title="Sentinel" data-testid="sentinel-panel">
      <QueryState
        query={sentinel}
        loading={<p className="text-sm text-slate-600">Asking the sentinels…</p>}
        failed={(error) => <ErrorState title="Could not read the sentinels' view" message={error.message} code={errorCodeOf(error)} />}
        refreshFailed={{ title: 'Could not refresh the sentinels\' view', shown: 'the view below is from the last answer' }}
      >
        {(data) => (data.sentinel ? <SentinelBody view={data.sentinel} /> : null)}
      </QueryState>
    </Panel>
  );
}
