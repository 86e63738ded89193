import type { DerivedInfo } from '@/lib/api/types';
import { formatDateTime, formatNumber, formatRelativeTime } from '@/lib/format';
import { Badge } from '@/components/ui/badge';
import { Panel } from '@/components/ui/panel';
import { Stat, StatList } from '@/components/ui/stat';

interface PersistencePanelProps {
  persistence: DerivedInfo['persistence'];
  /** When Redis answered; "last save" is measured from it, so the figure needs no ticking clock. */
  fetchedAt: string;
}

export function PersistencePanel({ persistence, fetchedAt }: PersistencePanelProps) {
  const lastSaveMs = persistence.rdbLastSaveTime * 1000;
  return (
    <Panel title="Persistence" data-testid="persistence-panel">
      <StatList>
        <Stat
          label="Loading"
          value={persistence.loading ? <Badge tone="warn">yes, loading the dataset</Badge> : 'no'}
        />
        <Stat label="RDB last bgsave" value={<OkBadge ok={persistence.rdbLastBgsaveOk} />} />
        <Stat label="Changes since last save" value={formatNumber(persistence.rdbChangesSinceLastSave)} />
        <Stat
          label="Last save"
          value={persistence.rdbLastSaveTime > 0 ? formatRelativeTime(lastSaveMs, Date.parse(fetchedAt)) : '—'}
          hint={persistence.rdbLastSaveTime > 0 ? formatDateTime(lastSaveMs) : undefined}
        />
        <Stat label="AOF" value={persistence.aofEnabled ? 'enabled' : 'disabled'} />
        <Stat label="AOF last write" value={<OkBadge ok={persistence.aofLastWriteOk} />} />
      </StatList>
    </Panel>
  );
}

function OkBadge({ ok }: { ok: boolean }) {
  return ok ? <Badge tone="ok">ok</Badge> : <Badge tone="bad">failed</Badge>;
}
