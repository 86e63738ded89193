// One sample as the event detector (lib/events/detect.ts) sees it: the facts of an INFO reply
// and of the reads beside it (watched settings, slow log length). Pure.
import type { InfoSections } from '@/lib/api/types';
import type { RedisFacts, SlowlogFacts } from '@/lib/events/detect';
import { deriveInfo } from '@/lib/redis/derive-info';
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import type { CounterSnapshot } from './compute-sample';

/** The slow log as one sample read it: its newest entries (newest first) and SLOWLOG LEN. */
export function slowlogFactsOf(entries: SlowlogEntry[], length: number, ownResetMark: number | null): SlowlogFacts {
  return { length, newestId: entries[0]?.id ?? -1, ownResetMark };
}

export function factsOf(
  sections: InfoSections,
  counters: CounterSnapshot,
  settings: Record<string, string> | null,
  slowlog: SlowlogFacts | null,
  /** host:port that answered, for an instance whose server moves (Sentinel); else absent. */
  server?: string | null,
): RedisFacts {
  const info = deriveInfo(sections);
  const primary = info.replication.primary;
  return {
    runId: info.runId,
    uptimeSeconds: info.uptimeSeconds,
    keys: info.totalKeys,
    loading: info.persistence.loading,
    role: info.role,
    primary: primary ? `${primary.host}:${primary.port}` : null,
    counters: { oomErrors: counters.oomErrors, rejectedConnections: counters.rejectedConnections, evicted: counters.evicted },
    maxclients: info.clients.max,
    settings,
    slowlog,
    ...(server !== undefined && { server }),
  };
}
