// An archived entry for the slow log model tests, with what a test cares about overridden.
import type { ArchivedEntry } from '@/lib/slowlog/types';

export function entry(over: Partial<ArchivedEntry> & { id: number }): ArchivedEntry {
  return {
    timestamp: 1_700_000_000 + over.id,
    durationMicros: 1000,
    args: ['GET', `user:${over.id}:session`],
    client: '127.0.0.1:50000',
    clientName: '',
    warning: null,
    fingerprint: 'GET user:{id}:session',
    runId: 'run-a',
    ...over,
  };
}
