import type { AuditOutcome } from '@/lib/audit/types';
import { Badge } from '@/components/ui/badge';
import type { Tone } from '@/components/ui/tone';

const OUTCOME_TONE: Record<AuditOutcome, Tone> = {
  // Recorded before the change and never completed: it may or may not have happened.
  pending: 'warn',
  ok: 'ok',
  denied: 'bad',
  failed: 'bad',
  throttled: 'warn',
};

/** The outcome in words, coloured by how it went. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  return <Badge tone={OUTCOME_TONE[outcome]}>{outcome}</Badge>;
}
