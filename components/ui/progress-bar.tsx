import { formatPercent } from '@/lib/format';
import { TONE_BAR, type Tone } from './tone';

interface ProgressBarProps {
  /** 0..1; may exceed 1 (used above maxmemory), the bar then stays full and the text tells. */
  ratio: number;
  /** What is measured, for screen readers: "Memory used of maxmemory". */
  label: string;
  tone?: Tone;
}

export function ProgressBar({ ratio, label, tone = 'neutral' }: ProgressBarProps) {
  const percent = Math.min(100, Math.max(0, ratio * 100));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(percent * 10) / 10}
      aria-valuetext={formatPercent(ratio)}
      className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
    >
      <div className={`h-full rounded-full ${TONE_BAR[tone]}`} style={{ width: `${percent}%` }} />
    </div>
  );
}
