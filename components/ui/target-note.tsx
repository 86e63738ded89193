// A production target from the tuning guide beside a live figure, with a worded verdict.
import { TONE_TEXT } from './tone';

export type Verdict = 'ok' | 'warn' | 'unknown';

const VERDICT = {
  ok: { mark: '✓', word: 'ok', tone: TONE_TEXT.ok },
  warn: { mark: '!', word: 'warn', tone: TONE_TEXT.warn },
  unknown: { mark: '?', word: 'not enough data', tone: TONE_TEXT.neutral },
} as const;

export function TargetNote({ target, verdict }: { target: string; verdict: Verdict }) {
  const { mark, word, tone } = VERDICT[verdict];
  return (
    <span className="text-xs text-slate-500">
      target {target}{' '}
      <span className={`font-medium ${tone}`}>
        <span aria-hidden="true">{mark}</span> {word}
      </span>
    </span>
  );
}
