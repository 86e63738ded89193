import type { ReactNode } from 'react';
import { TONE_BADGE, type Tone } from './tone';

interface BadgeProps {
  tone?: Tone;
  children: ReactNode;
  'data-testid'?: string;
}

export function Badge({ tone = 'neutral', children, ...rest }: BadgeProps) {
  return (
    <span
      data-testid={rest['data-testid']}
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-full border px-2 py-0.5 text-xs font-medium ${TONE_BADGE[tone]}`}
    >
      {children}
    </span>
  );
}
