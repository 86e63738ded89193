import type { DerivedInfo } from '@/lib/api/types';
import { formatDuration, formatNumber } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/panel';
import { Stat, StatList } from '@/components/ui/stat';

/** A replica silent for longer than this is lagging (the replication-broken rule). */
const REPLICA_IO_MAX_SECONDS = 10;

export function ReplicationPanel({ derived }: { derived: DerivedInfo }) {
  const { primary, connectedReplicas } = derived.replication;
  return (
    <Panel title="Replication" data-testid="replication-panel">
      <StatList>
        <Stat label="Role" value={derived.role} />
        <Stat label="Connected replicas" value={formatNumber(connectedReplicas)} />
        {primary ? (
          <>
            <Stat label="Primary" value={<span className="break-all font-mono text-sm">{`${primary.host}:${primary.port}`}</span>} />
            <Stat
              label="Link to primary"
              value={primary.linkUp ? <Badge tone="ok">up</Badge> : <Badge tone="bad">down</Badge>}
            />
            <Stat
              label="Last IO with primary"
              value={primary.lastIoSecondsAgo >= 0 ? `${formatDuration(primary.lastIoSecondsAgo)} ago` : '—'}
              target={
                primary.lastIoSecondsAgo >= 0
                  ? {
                      text: `< ${REPLICA_IO_MAX_SECONDS} s`,
                      verdict: primary.lastIoSecondsAgo <= REPLICA_IO_MAX_SECONDS ? 'ok' : 'warn',
                    }
                  : undefined
              }
            />
            <Stat label="Sync in progress" value={primary.syncInProgress ? 'yes' : 'no'} />
          </>
        ) : null}
      </StatList>
    </Panel>
  );
}
