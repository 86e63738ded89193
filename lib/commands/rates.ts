// Commandstats and errorstats as rates over a window of two snapshots, with Redlens's own calls
// taken out (SPEC sections 8 and 11). Pure.
import type { CommandStat } from '@/lib/redis/parse/parse-info';
import type { CommandsSnapshot } from './snapshot';
import type { CommandRate, CommandsResponse, ErrorRate } from './types';
import { commandWarningOf } from './warnings';

const ZERO: CommandStat = { calls: 0, usec: 0, rejectedCalls: 0, failedCalls: 0 };

export const NO_WINDOW: CommandsResponse = { windowSeconds: null, windowEnd: null, commands: [], errors: [], ownCalls: 0, percentilesAvailable: false };

/**
 * Redlens's own calls in the window per commandstats name of `stats`. Redis 6 counts
 * `config|get` as `config` (no subcommand names): a name Redis does not report is summed
 * under the part before the bar.
 */
function ownCallsIn(first: CommandsSnapshot, last: CommandsSnapshot): Map<string, number> {
  const own = new Map<string, number>();
  for (const [name, total] of Object.entries(last.ownCalls)) {
    const calls = total - (first.ownCalls[name] ?? 0);
    if (calls <= 0) continue;
    const bar = name.indexOf('|');
    const reported = name in last.stats || bar < 0 ? name : name.slice(0, bar);
    own.set(reported, (own.get(reported) ?? 0) + calls);
  }
  return own;
}

/** Each counter of `b` less `a`; null when one went down (CONFIG RESETSTAT). */
function statDelta(a: CommandStat, b: CommandStat): CommandStat | null {
  const delta = { calls: b.calls - a.calls, usec: b.usec - a.usec, rejectedCalls: b.rejectedCalls - a.rejectedCalls, failedCalls: b.failedCalls - a.failedCalls };
  return Object.values(delta).every((value) => value >= 0) ? delta : null;
}

/**
 * The application's commands between `first` and `last`: NO_WINDOW across a restart (another
 * run_id), a reset of the statistics or without time between them. Redis does not say how long
 * Redlens's own calls took: their part of a command's time is taken out in proportion to calls.
 */
export function commandRates(first: CommandsSnapshot, last: CommandsSnapshot): CommandsResponse {
  const seconds = (last.serverTimeMs - first.serverTimeMs) / 1000;
  if (first.runId !== last.runId || !(seconds > 0)) return NO_WINDOW;
  const own = ownCallsIn(first, last);
  const rows: Array<Omit<CommandRate, 'timeShare'>> = [];
  let ownTotal = 0;
  for (const [command, stat] of Object.entries(last.stats)) {
    const delta = statDelta(first.stats[command] ?? ZERO, stat);
    if (!delta) return NO_WINDOW;
    // A call of ours whose reply came just after INFO's may be in Redis's count and not yet in
    // ours: never below zero, it evens out in the next window.
    const ownCalls = Math.min(delta.calls, own.get(command) ?? 0);
    ownTotal += ownCalls;
    const calls = delta.calls - ownCalls;
    if (calls === 0 && delta.failedCalls === 0 && delta.rejectedCalls === 0) continue;
    const usec = delta.calls > 0 ? (delta.usec * calls) / delta.calls : 0;
    rows.push({
      command,
      callsPerSec: calls / seconds,
      usecPerCall: calls > 0 ? usec / calls : null,
      usecPerSec: usec / seconds,
      failedPerSec: delta.failedCalls / seconds,
      rejectedPerSec: delta.rejectedCalls / seconds,
      percentiles: last.percentiles?.[command] ?? null,
      warning: calls > 0 ? commandWarningOf(command) : null,
    });
  }
  const errors = errorRates(first.errors, last.errors, seconds);
  if (!errors) return NO_WINDOW;
  const totalUsecPerSec = rows.reduce((sum, row) => sum + row.usecPerSec, 0);
  return {
    windowSeconds: seconds,
    windowEnd: last.serverTimeMs,
    commands: rows
      .map((row) => ({ ...row, timeShare: totalUsecPerSec > 0 ? row.usecPerSec / totalUsecPerSec : 0 }))
      .sort((a, b) => b.usecPerSec - a.usecPerSec || b.callsPerSec - a.callsPerSec || a.command.localeCompare(b.command)),
    errors,
    ownCalls: ownTotal,
    percentilesAvailable: last.percentiles !== null,
  };
}

/** Errors by type in the window, most first; null when a count went down (a reset). */
function errorRates(first: Record<string, number>, last: Record<string, number>, seconds: number): ErrorRate[] | null {
  const rates: ErrorRate[] = [];
  for (const [type, total] of Object.entries(last)) {
    const count = total - (first[type] ?? 0);
    if (count < 0) return null;
    if (count > 0) rates.push({ type, count, perSec: count / seconds });
  }
  return rates.sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}
