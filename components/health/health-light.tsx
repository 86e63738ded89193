// The health of one instance as a traffic light: a word and a colour (the instance page's
// findings list, and the fleet card through components/overview/fleet-health-light.tsx).
import type { HealthResponse } from '@/lib/health/types';
import { TONE_BADGE, type Tone } from '@/components/ui/tone';

export const HEALTH_STATUS: Record<HealthResponse['status'], { word: string; tone: Tone; dot: string }> = {
  ok: { word: 'OK', tone: 'ok', dot: 'text-emerald-600' },
  warning: { word: 'Warning', tone: 'warn', dot: 'text-amber-500' },
  critical: { word: 'Critical', tone: 'bad', dot: 'text-red-600' },
};

/** Rendering only: the light for a health reply. */
export function TrafficLight({ health, testId = 'health-light' }: { health: HealthResponse; testId?: string }) {
  if (health.evaluatedAt === null) {
    return (
      <Light
        state="pending"
        tone="neutral"
        text="Health: waiting"
        label="Health: waiting for the first sample"
        testId={testId}
      />
    );
  }
  const { word, tone, dot } = HEALTH_STATUS[health.status];
  const count = health.findings.length;
  const findings = `${count} finding${count === 1 ? '' : 's'}`;
  return (
    <Light
      state={health.status}
      tone={tone}
      dot={dot}
      text={count > 0 ? `${word} · ${count}` : word}
      label={`Health: ${word}${count > 0 ? `, ${findings}` : ''}`}
      testId={testId}
    />
  );
}

interface LightProps {
  state: HealthResponse['status'] | 'pending';
  tone: Tone;
  text: string;
  label: string;
  dot?: string;
  testId?: string;
}

export function Light({ state, tone, text, label, dot = 'text-slate-400', testId = 'health-light' }: LightProps) {
  return (
    <span
      role="img"
      aria-label={label}
      title={label}
      data-testid={testId}
      data-status={state}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${TONE_BADGE[tone]}`}
    >
      <span aria-hidden="true" className={dot}>
        ●
      </span>
      {text}
    </span>
  );
}
