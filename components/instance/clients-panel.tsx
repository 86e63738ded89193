import type { DerivedInfo } from '@/lib/api/types';
import { formatNumber } from '@/lib/format';
import type { Thresholds } from '@/lib/health-targets';
import { Panel } from '@/components/ui/panel';
import { Stat, StatList } from '@/components/ui/stat';
import { judgeClients } from './targets';

export function ClientsPanel({ clients, thresholds }: { clients: DerivedInfo['clients']; thresholds: Thresholds }) {
  return (
    <Panel title="Clients" data-testid="clients-panel">
      <StatList>
        <Stat label="Connected" value={formatNumber(clients.connected)} target={judgeClients(clients.connected, thresholds)} />
        <Stat
          label="Blocked"
          value={formatNumber(clients.blocked)}
          hint="waiting in BLPOP, XREAD …"
          target={{ text: '0', verdict: clients.blocked > 0 ? 'warn' : 'ok' }}
        />
        <Stat label="Max clients" value={formatNumber(clients.max)} hint="maxclients" />
      </StatList>
    </Panel>
  );
}
