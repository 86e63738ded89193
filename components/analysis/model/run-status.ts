// A run's status for people: its label, its tone and, when it did not finish, what that means for
// the figures shown.
import type { JobStatus } from '@/lib/jobs/types';
import type { Tone } from '@/components/ui/tone';

export interface StatusView {
  label: string;
  tone: Tone;
  /** What the figures of a run that did not finish are; null for running and done. */
  note: string | null;
}

export function statusView(status: JobStatus): StatusView {
  switch (status) {
    case 'running':
      return { label: 'running', tone: 'neutral', note: null };
    case 'done':
      return { label: 'done', tone: 'ok', note: null };
    case 'cancelled':
      return { label: 'stopped', tone: 'warn', note: 'Stopped on request: the figures below cover only the keys counted before the stop.' };
    case 'interrupted':
      return { label: 'interrupted', tone: 'warn', note: 'Redlens stopped (a restart or a crash) while this analysis ran, so it has no result. Start it again.' };
    case 'failed':
      return { label: 'failed', tone: 'bad', note: 'The analysis failed.' };
  }
}
