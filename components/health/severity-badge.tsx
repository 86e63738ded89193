// A finding's severity in words and shape as well as colour.
import type { Severity } from '@/lib/health/types';
import { Badge } from '@/components/ui/badge';
import type { Tone } from '@/components/ui/tone';

export const SEVERITY_DISPLAY: Record<Severity, { word: string; mark: string; tone: Tone }> = {
  critical: { word: 'Critical', mark: '▲', tone: 'bad' },
  warning: { word: 'Warning', mark: '!', tone: 'warn' },
  info: { word: 'Info', mark: 'i', tone: 'neutral' },
};

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { word, mark, tone } = SEVERITY_DISPLAY[severity];
  return (
    <Badge tone={tone}>
      <span aria-hidden="true">{mark}</span> {word}
    </Badge>
  );
}
