import type { DerivedInfo } from '@/lib/api/types';
import { formatBytes, formatNumber, formatPercent } from '@/lib/format';
import type { Thresholds } from '@/lib/health-targets';
import { Panel } from '@/components/ui/panel';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Stat, StatList } from '@/components/ui/stat';
import { TargetNote, VERDICT_TONE } from '@/components/ui/target-note';
import { fragmentationNote, judgeFragmentation, judgeMemory } from './targets';

export function MemoryPanel({ memory, thresholds }: { memory: DerivedInfo['memory']; thresholds: Thresholds }) {
  return (
    <Panel title="Memory" data-testid="memory-panel">
      <UsageBar memory={memory} thresholds={thresholds} />
      <StatList className="mt-4">
        <Stat label="Used" value={formatBytes(memory.usedBytes)} />
        <Stat label="RSS" value={formatBytes(memory.rssBytes)} hint="resident in RAM" />
        <Stat label="Peak" value={formatBytes(memory.peakBytes)} />
        <Stat
          label="Fragmentation ratio"
          value={formatNumber(memory.fragmentationRatio, 2)}
          hint={fragmentationNote(memory, thresholds)}
          target={judgeFragmentation(memory, thresholds)}
        />
        <Stat
          label="Maxmemory"
          value={memory.maxmemoryBytes === null ? 'no limit' : formatBytes(memory.maxmemoryBytes)}
          hint={`policy ${memory.policy}`}
        />
        <Stat label="System memory" value={memory.totalSystemBytes > 0 ? formatBytes(memory.totalSystemBytes) : '—'} />
      </StatList>
    </Panel>
  );
}

/** Used against maxmemory; with no limit, against the host's RAM (what the OS will defend). */
function UsageBar({ memory, thresholds }: { memory: DerivedInfo['memory']; thresholds: Thresholds }) {
  if (memory.usedRatio !== null && memory.maxmemoryBytes !== null) {
    const judged = judgeMemory(memory.usedRatio, thresholds);
    return (
      <div className="space-y-1">
        <p className="flex flex-wrap justify-between gap-x-2 text-sm text-slate-700">
          <span>
            {formatBytes(memory.usedBytes)} of {formatBytes(memory.maxmemoryBytes)} maxmemory
          </span>
          <span className="font-semibold tabular-nums">{formatPercent(memory.usedRatio)}</span>
        </p>
        <ProgressBar ratio={memory.usedRatio} label="Memory used of maxmemory" tone={VERDICT_TONE[judged.verdict]} />
        <TargetNote target={judged.text} verdict={judged.verdict} />
      </div>
    );
  }
  const systemRatio = memory.totalSystemBytes > 0 ? memory.usedBytes / memory.totalSystemBytes : null;
  return (
    <div className="space-y-1">
      <p className="text-sm text-amber-900">
        <span aria-hidden="true">! </span>
        maxmemory is not set (no limit): a cache grows until the OS kills it.
        {systemRatio !== null ? ` Used is ${formatPercent(systemRatio)} of system memory.` : ''}
      </p>
      {systemRatio !== null ? (
        <ProgressBar ratio={systemRatio} label="Memory used of system memory" tone={VERDICT_TONE[judgeMemory(systemRatio, thresholds).verdict]} />
      ) : null}
    </div>
  );
}
