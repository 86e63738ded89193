// An instance's health on its fleet card, from the fleet answer: the traffic light (a word, a
// colour and the count) and the most severe findings by name: the instance page's light, fed by
// the counts of the fleet answer (the overview polls only /api/fleet).
import type { FleetHealth } from '@/lib/fleet/types';
import type { Severity } from '@/lib/health/types';
import { HEALTH_STATUS, Light } from '@/components/health/health-light';
import { TONE_TEXT, type Tone } from '@/components/ui/tone';

const SEVERITY_TONE: Record<Severity, Tone> = { critical: 'bad', warning: 'warn', info: 'neutral' };

const countOf = (health: FleetHealth) => health.counts.critical + health.counts.warning + health.counts.info;

export function FleetHealthLight({ health }: { health: FleetHealth }) {
  if (health.evaluatedAt === null) {
    return <Light state="pending" tone="neutral" dot="text-slate-400" text="Health: waiting" label="Health: waiting for the first sample" />;
  }
  const { word, tone, dot } = HEALTH_STATUS[health.status];
  const count = countOf(health);
  const perSeverity = (['critical', 'warning', 'info'] as const)
    .filter((severity) => health.counts[severity] > 0)
    .map((severity) => `${health.counts[severity]} ${severity}`)
    .join(', ');
  return (
    <Light
      state={health.status}
      tone={tone}
      dot={dot}
      text={count > 0 ? `${word} · ${count}` : word}
      label={`Health: ${word}${count > 0 ? `, ${count} finding${count === 1 ? '' : 's'} (${perSeverity})` : ''}`}
    />
  );
}

/** The most severe findings by title, and how many more the instance page (or `moreWhere`) lists. */
export function TopFindings({ health, moreWhere = 'on the instance page' }: { health: FleetHealth; moreWhere?: string }) {
  if (health.top.length === 0) return null;
  const more = countOf(health) - health.top.length;
  return (
    <ul className="space-y-0.5 text-sm" aria-label="Most severe findings" data-testid="card-findings">
      {health.top.map((finding) => (
        <li key={finding.id} className="flex min-w-0 gap-1.5">
          <span className={`shrink-0 font-medium ${TONE_TEXT[SEVERITY_TONE[finding.severity]]}`}>{finding.severity}</span>
          <span className="min-w-0 break-words text-slate-800">{finding.title}</span>
        </li>
      ))}
      {more > 0 ? <li className="text-xs text-slate-500">and {more} more {moreWhere}</li> : null}
    </ul>
  );
}
