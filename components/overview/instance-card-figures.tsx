// The handful of INFO figures a fleet card shows; rendering only, the card fetches.
import type { DerivedInfo } from '@/lib/api/types';
import { formatBytes, formatNumber, formatPercent, formatRate } from '@/lib/format';
import type { Thresholds } from '@/lib/health-targets';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Stat, StatList } from '@/components/ui/stat';
import { TargetNote } from '@/components/ui/target-note';
import { judgeClients, judgeHitRatio, judgeMemory } from '@/components/instance/targets';

export function InstanceCardFigures({ derived, thresholds }: { derived: DerivedInfo; thresholds: Thresholds }) {
  const { memory, stats, clients } = derived;
  return (
    <div className="flex flex-col gap-4">
      <MemoryLine memory={memory} thresholds={thresholds} />
      <StatList columns={2}>
        <Stat label="Version" value={derived.version} testId="card-version" />
        <Stat label="Role" value={derived.role} />
        <Stat
          label="Hit ratio"
          value={formatPercent(stats.hitRatio)}
          hint="since restart"
          target={judgeHitRatio(stats, thresholds)}
        />
        <Stat label="Throughput" value={formatRate(stats.opsPerSec, 'ops/s')} />
        <Stat label="Connected clients" value={formatNumber(clients.connected)} target={judgeClients(clients.connected, thresholds)} />
        <Stat label="Total keys" value={formatNumber(derived.totalKeys)} testId="card-keys" />
      </StatList>
    </div>
  );
}

function MemoryLine({ memory, thresholds }: { memory: DerivedInfo['memory']; thresholds: Thresholds }) {
  if (memory.maxmemoryBytes === null || memory.usedRatio === null) {
    return (
      <p className="text-sm text-slate-700">
        <span className="font-medium">Memory</span> {formatBytes(memory.usedBytes)} used ·{' '}
        <span className="text-amber-800">no limit</span> (maxmemory not set)
      </p>
    );
  }
  const judged = judgeMemory(memory.usedRatio, thresholds);
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap justify-between gap-x-2 text-sm text-slate-700">
        <span>
          <span className="font-medium">Memory</span> {formatBytes(memory.usedBytes)} of{' '}
          {formatBytes(memory.maxmemoryBytes)}
        </span>
        <span className="tabular-nums">{formatPercent(memory.usedRatio)}</span>
      </p>
      <ProgressBar
        ratio={memory.usedRatio}
        label="Memory used of maxmemory"
        tone={judged.verdict === 'warn' ? 'warn' : 'ok'}
      />
      <TargetNote target={judged.text} verdict={judged.verdict} />
    </div>
  );
}
