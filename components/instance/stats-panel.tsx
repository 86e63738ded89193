import type { DerivedInfo } from '@/lib/api/types';
import { formatNumber, formatPercent, formatRate } from '@/lib/format';
import type { Thresholds } from '@/lib/health-targets';
import { Panel } from '@/components/ui/panel';
import { Stat, StatList } from '@/components/ui/stat';
import { judgeHitRatio } from './targets';

export function StatsPanel({ stats, thresholds }: { stats: DerivedInfo['stats']; thresholds: Thresholds }) {
  return (
    <Panel title="Stats" data-testid="stats-panel">
      <StatList>
        <Stat label="Throughput" value={formatRate(stats.opsPerSec, 'ops/s')} hint="instantaneous" />
        <Stat label="Total commands" value={formatNumber(stats.totalCommands)} hint="since restart" />
        <Stat
          label="Hit ratio"
          value={formatPercent(stats.hitRatio)}
          hint="since restart"
          target={judgeHitRatio(stats, thresholds)}
        />
        <Stat label="Keyspace hits" value={formatNumber(stats.keyspaceHits)} hint="since restart" />
        <Stat label="Keyspace misses" value={formatNumber(stats.keyspaceMisses)} hint="since restart" />
        <Stat label="Evicted keys" value={formatNumber(stats.evictedKeys)} hint="since restart" />
        <Stat label="Expired keys" value={formatNumber(stats.expiredKeys)} hint="since restart" />
        {/* Redis names these *_kbps but computes bytes / 1024 per second. */}
        <Stat label="Network in" value={formatRate(stats.inputKbps, 'KiB/s')} />
        <Stat label="Network out" value={formatRate(stats.outputKbps, 'KiB/s')} />
      </StatList>
    </Panel>
  );
}
