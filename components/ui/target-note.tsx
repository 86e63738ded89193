// A production target from the tuning guide beside a live figure, with a worded verdict. Its words
// and marks are the findings' (components/health/severity-badge.tsx): one severity scale.
import { TONE_TEXT, type Tone } from './tone';

export type Verdict = 'ok' | 'warn' | 'critical' | 'unknown';

/** The tone of each verdict, for bars and figures that show one beside the note. */
export const VERDICT_TONE: Record<Verdict, Tone> = { ok: 'ok', warn: 'warn', critical: 'bad', unknown: 'neutral' };

const VERDICT = {
  ok: { mark: '✓', word: 'ok' },
  warn: { mark: '!', word: 'warning' },
  critical: { mark: '▲', word: 'critical' },
  unknown: { mark: '?', word: 'not enough data' },
} as const;

export function TargetNote({ target, verdict }: { target: string; verdict: Verdict }) {
  const { mark, word } = VERDICT[verdict];
  return (
    <span className="text-xs text-slate-500">
      target {target}{' '}
      <span className={`font-medium ${TONE_TEXT[VERDICT_TONE[verdict]]}`} data-verdict={verdict}>
        <span aria-hidden="true">{mark}</span> {word}
      </span>
    </span>
  );
}
