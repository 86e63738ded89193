// The live slow log with Redlens's own entries hidden (the default) or shown and marked (SPEC
// section 8). Applied to the shared read of lib/slowlog/live.ts, so every viewer still shares
// one SLOWLOG GET a second whichever way each of them looks at it. Pure.
import { rankFingerprints } from './analysis';
import { isOwnClientName } from '@/lib/own-client-name';
import { ownFingerprint } from './own';
import type { SlowlogEntryView, SlowlogLiveResponse, SlowlogResponse } from './types';

export function withOwnEntries(response: SlowlogResponse, show: boolean): SlowlogLiveResponse {
  const own = response.entries.filter((entry) => isOwnClientName(entry.clientName));
  if (show) {
    // Shown, they rank apart under a marked fingerprint, as in the archive's rollups.
    const marked = response.entries.map((entry): SlowlogEntryView =>
      isOwnClientName(entry.clientName) ? { ...entry, fingerprint: ownFingerprint(entry.fingerprint) } : entry);
    return { ...response, analysis: rankFingerprints(marked), own: { shown: true, hidden: 0 } };
  }
  if (own.length === 0) return { ...response, own: { shown: false, hidden: 0 } };
  const entries = response.entries.filter((entry) => !isOwnClientName(entry.clientName));
  return { ...response, entries, analysis: rankFingerprints(entries), own: { shown: false, hidden: own.length } };
}
