// The headline figures a fleet card shows, from the sampler's latest sample; rendering only.
import type { FleetFigures } from '@/lib/fleet/types';
import { formatBytes, formatClock, formatNumber, formatPercent, formatRate } from '@/lib/format';
import type { Thresholds } from '@/lib/health-targets';
import { ProgressBar } from '@/components/ui/progress-bar';
import { Stat, StatList } from '@/components/ui/stat';
import { TargetNote, VERDICT_TONE } from '@/components/ui/target-note';
import { judgeClients, judgeMemory } from '@/components/instance/targets';
import { judgePingP95, judgeRecentHitRatio, memoryUsedRatio, windowLabel } from './model/recent-figures';

export function InstanceCardFigures({ figures, thresholds }: { figures: FleetFigures; thresholds: Thresholds }) {
  const { recent } = figures;
  // The window's figures, not INFO's since restart: a ratio since restart hides what happens now.
  const window = windowLabel(recent);
  return (
    <div className="flex flex-col gap-4">
      <MemoryLine figures={figures} thresholds={thresholds} />
      <StatList columns={2}>
        <Stat label="Version" value={figures.version} testId="card-version" />
        <Stat label="Role" value={figures.role} />
        <Stat
          label="Hit ratio"
          value={formatPercent(recent?.hitRatio)}
          hint={<span data-testid="card-hit-ratio-window">{window}</span>}
          target={judgeRecentHitRatio(recent, thresholds)}
          testId="card-hit-ratio"
        />
        <Stat label="Throughput" value={formatRate(recent?.opsPerSec, 'ops/s')} hint={window} />
        <Stat
          label="Connected clients"
          value={formatNumber(figures.connectedClients)}
          target={figures.connectedClients === null ? undefined : judgeClients(figures.connectedClients, thresholds)}
        />
        <Stat label="Total keys" value={formatNumber(figures.keys)} testId="card-keys" />
        <Stat label="Fragmentation" value={formatNumber(figures.fragmentationRatio)} />
        <Stat label="PING p95" value={formatRate(figures.pingP95Ms, 'ms', 3)} target={judgePingP95(figures.pingP95Ms, thresholds)} />
      </StatList>
      <p className="text-xs text-slate-500">
        Sampled at <time dateTime={new Date(figures.sampledAt).toISOString()}>{formatClock(figures.sampledAt)}</time>
      </p>
    </div>
  );
}

function MemoryLine({ figures, thresholds }: { figures: FleetFigures; thresholds: Thresholds }) {
  const { usedMemoryBytes, maxmemoryBytes } = figures;
  const usedRatio = memoryUsedRatio(usedMemoryBytes, maxmemoryBytes);
  if (maxmemoryBytes === null || usedRatio === null) {
    return (
      <p className="text-sm text-slate-700">
        <span className="font-medium">Memory</span> {formatBytes(usedMemoryBytes)} used ·{' '}
        <span className="text-amber-800">no limit</span> (maxmemory not set)
      </p>
    );
  }
  const judged = judgeMemory(usedRatio, thresholds);
  return (
    <div className="space-y-1">
      <p className="flex flex-wrap justify-between gap-x-2 text-sm text-slate-700">
        <span>
          <span className="font-medium">Memory</span> {formatBytes(usedMemoryBytes)} of {formatBytes(maxmemoryBytes)}
        </span>
        <span className="tabular-nums">{formatPercent(usedRatio)}</span>
      </p>
      <ProgressBar ratio={usedRatio} label="Memory used of maxmemory" tone={VERDICT_TONE[judged.verdict]} />
      <TargetNote target={judged.text} verdict={judged.verdict} />
    </div>
  );
}
