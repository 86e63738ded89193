// The bulk delete dialog's view model (SPEC section 12), pure: which dry run a delete may follow,
// the typed confirmation, the progress in words and one ratio, and the outcome's line and toast.
import type { BulkDeleteJob, BulkDeleteParams, BulkDeleteProgress, BulkDeleteResult } from '@/lib/bulk-delete/types';
import { endSentence, formatNumber, formatPercent, formatRate, plural } from '@/lib/format';

/** What one run was asked: the delete must be for exactly what its dry run counted. */
export interface BulkDeleteScope {
  db: number;
  match: string;
  /** undefined: any type. */
  type: string | undefined;
}

export const sameScope = (a: BulkDeleteScope, b: BulkDeleteScope) => a.db === b.db && a.match === b.match && a.type === b.type;

export const scopeOf = (params: BulkDeleteParams): BulkDeleteScope => ({ db: params.db, match: params.match, type: params.type });

/** "sess:* (db0)", "t:* of type hash (db1)": how the dialog and the toast name what is deleted. */
export function scopeText(scope: BulkDeleteScope): string {
  return `${scope.match}${scope.type !== undefined ? ` of type ${scope.type}` : ''} (db${scope.db})`;
}

/**
 * The count the admin typed, as a number: digits, with or without the grouping the dialog shows
 * ("30,000", "30 000", "30000"); null for anything else.
 */
export function typedCount(text: string): number | null {
  const digits = text.trim().replace(/[,\s\u00a0\u202f_]/g, '');
  return /^\d{1,15}$/.test(digits) ? Number(digits) : null;
}

/** The delete is enabled only when the typed count is exactly the dry run's. */
export const confirmsCount = (text: string, count: number) => count > 0 && typedCount(text) === count;

/**
 * The delete may follow a dry run only when it finished (walked the whole db, not stopped), of
 * exactly the scope the form shows now, and found something.
 */
export function deletableCount(dryRun: BulkDeleteJob | undefined, scope: BulkDeleteScope): number | null {
  if (!dryRun || dryRun.status !== 'done' || !dryRun.params.dryRun || !dryRun.result) return null;
  if (dryRun.result.stoppedBy !== 'end' || !sameScope(scopeOf(dryRun.params), scope)) return null;
  return dryRun.result.matched;
}

export interface BulkProgressView {
  /** 0..1 of the db walked. */
  ratio: number;
  /** "12,000 deleted of 30,000 matched" (a dry run: "12,000 matched so far"). */
  countText: string;
  /** "40,000 of 100,000 keys scanned (40 %) · 52,000 keys/s". */
  scanText: string;
  /** "paced: PING 3.1 ms" while the walk waits for a slow Redis; null otherwise. */
  pacedText: string | null;
}

/** `expected`: the dry run's count, the denominator of a real run's deletions. */
export function bulkProgressView(progress: BulkDeleteProgress | null, dryRun: boolean, expected: number | null): BulkProgressView {
  if (!progress) return { ratio: 0, countText: 'Starting: reading DBSIZE…', scanText: '', pacedText: null };
  const total = progress.total ?? 0;
  const ratio = total > 0 ? Math.min(1, progress.scanned / total) : 0;
  const countText = dryRun
    ? `${formatNumber(progress.matched, 0)} matched so far`
    : `${formatNumber(progress.deleted, 0)} deleted of ${formatNumber(expected ?? progress.matched, 0)} ${expected !== null ? 'counted by the dry run' : 'matched'}`;
  const rate = progress.perSecond === null ? 'measuring…' : formatRate(progress.perSecond, 'keys/s', 0);
  return {
    ratio,
    countText,
    scanText: `${formatNumber(progress.scanned, 0)} of ${formatNumber(total, 0)} keys scanned (${formatPercent(ratio, 0)}) · ${rate}`,
    pacedText: progress.paced ? `paced: PING ${progress.pingMs === null ? '> 2 ms' : formatRate(progress.pingMs, 'ms', 1)}` : null,
  };
}

/** "Deleted 30,000 keys, skipped 2 (gone meanwhile), 0 errors." */
export function outcomeText(result: BulkDeleteResult): string {
  const skipped = result.skipped > 0 ? `, skipped ${formatNumber(result.skipped, 0)} (gone meanwhile)` : ', skipped 0';
  const errors = `${plural(result.errors, 'error', 'errors')}${result.firstError ? ` (first: ${result.firstError})` : ''}`;
  const stopped = result.stoppedBy === 'cancelled' ? 'Stopped on request: ' : '';
  return endSentence(`${stopped}${result.stoppedBy === 'cancelled' ? 'deleted' : 'Deleted'} ${plural(result.deleted, 'key', 'keys')}${skipped}, ${errors}`);
}

/** The toast when a real delete ends: "Deleted 30,000 keys matching sess:* (db0)". */
export function outcomeToast(job: BulkDeleteJob): { message: string; tone: 'success' | 'info' | 'error' } | null {
  if (job.params.dryRun || job.status === 'running') return null;
  const scope = scopeText(scopeOf(job.params));
  const deleted = job.result ? plural(job.result.deleted, 'key', 'keys') : null;
  if (job.status === 'done' && job.result) {
    return { message: `Deleted ${deleted} matching ${scope}`, tone: job.result.errors > 0 ? 'error' : 'success' };
  }
  if (job.status === 'cancelled' && job.result) return { message: `Stopped: deleted ${deleted} matching ${scope}`, tone: 'info' };
  return { message: `Bulk delete of ${scope} ${job.status}: ${job.error ?? 'no reason known'}`, tone: 'error' };
}
