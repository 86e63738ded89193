// What the commands page needs of one sample: INFO commandstats, errorstats and latencystats,
// and Redlens's own calls per command as of that INFO's reply. The sampler keeps one per sample
// over the rule window, so the page's rates cost Redis no INFO of their own. Pure.
import type { InfoSections } from '@/lib/api/types';
import { commandstatsOf, errorstatsOf, latencystatsOf, type CommandStat } from '@/lib/redis/parse/parse-info';

export interface CommandsSnapshot {
  runId: string;
  /** Redis's clock at the INFO (ms), as in the sampler's counters. */
  serverTimeMs: number;
  stats: Record<string, CommandStat>;
  errors: Record<string, number>;
  /** Redis 7 latencystats by command; null on Redis 6 (no such section). */
  percentiles: Record<string, Record<string, number>> | null;
  /** Redlens's own calls per commandstats name since it started (lib/redis/own-traffic.ts). */
  ownCalls: Record<string, number>;
}

export function commandsSnapshotOf(
  sections: InfoSections,
  ownCalls: ReadonlyMap<string, number>,
  clock: { runId: string; serverTimeMs: number },
): CommandsSnapshot {
  return {
    runId: clock.runId,
    serverTimeMs: clock.serverTimeMs,
    stats: commandstatsOf(sections),
    errors: errorstatsOf(sections),
    percentiles: sections.latencystats ? latencystatsOf(sections) : null,
    ownCalls: Object.fromEntries(ownCalls),
  };
}
