import { describe, expect, it } from 'vitest';
import type { BulkDeleteJob, BulkDeleteProgress, BulkDeleteResult } from '@/lib/bulk-delete/types';
import { bulkProgressView, confirmsCount, deletableCount, outcomeText, outcomeToast, scopeText, typedCount } from './bulk-delete';

const result = (patch: Partial<BulkDeleteResult> = {}): BulkDeleteResult => ({
  dryRun: true, scanned: 100_000, matched: 30_000, deleted: 0, skipped: 0, errors: 0, firstKeys: [], stoppedBy: 'end', deduped: true, ...patch,
});

const job = (patch: Partial<BulkDeleteJob> = {}, params: Partial<BulkDeleteJob['params']> = {}): BulkDeleteJob => ({
  id: 'j1', kind: 'bulk-delete', status: 'done', params: { db: 0, match: 'sess:*', dryRun: true, ...params },
  progress: null, result: result({ dryRun: params.dryRun ?? true }), error: null, actor: 'admin', startedAt: 1, finishedAt: 2, ...patch,
});

const progress = (patch: Partial<BulkDeleteProgress> = {}): BulkDeleteProgress => ({
  done: 40_000, total: 100_000, perSecond: 52_000, etaSeconds: 1, scanned: 40_000, matched: 12_000, deleted: 11_500, pingMs: 0.4, paced: false, ...patch,
});

describe('the typed confirmation', () => {
  it('reads the count with or without grouping, and nothing else', () => {
    expect(typedCount('30000')).toBe(30_000);
    expect(typedCount(' 30,000 ')).toBe(30_000);
    expect(typedCount('30 000')).toBe(30_000);
    expect(typedCount('30k')).toBeNull();
    expect(typedCount('')).toBeNull();
    expect(typedCount('-3')).toBeNull();
  });

  it('enables the delete only for exactly the dry run\'s count, never for nothing', () => {
    expect(confirmsCount('30,000', 30_000)).toBe(true);
    expect(confirmsCount('29,999', 30_000)).toBe(false);
    expect(confirmsCount('300000', 30_000)).toBe(false);
    expect(confirmsCount('0', 0)).toBe(false);
  });
});

describe('deletableCount', () => {
  const scope = { db: 0, match: 'sess:*', type: undefined };
  it('is the count of a finished dry run of exactly this scope', () => {
    expect(deletableCount(job(), scope)).toBe(30_000);
  });

  it('is null for another pattern, type or db, a run still going, a stopped one, or a real run', () => {
    expect(deletableCount(job(), { ...scope, match: 'sess:1*' })).toBeNull();
    expect(deletableCount(job(), { ...scope, type: 'hash' })).toBeNull();
    expect(deletableCount(job(), { ...scope, db: 1 })).toBeNull();
    expect(deletableCount(job({ status: 'running', result: null }), scope)).toBeNull();
    expect(deletableCount(job({ status: 'cancelled', result: result({ stoppedBy: 'cancelled' }) }), scope)).toBeNull();
    expect(deletableCount(job({}, { dryRun: false }), scope)).toBeNull();
    expect(deletableCount(undefined, scope)).toBeNull();
  });

  it('matches a typed dry run only with the same type', () => {
    const typed = job({}, { type: 'hash' });
    expect(deletableCount(typed, { ...scope, type: 'hash' })).toBe(30_000);
    expect(deletableCount(typed, scope)).toBeNull();
  });
});

describe('bulkProgressView', () => {
  it('says deleted of the dry run\'s count, scanned of DBSIZE and the rate, formatted', () => {
    const view = bulkProgressView(progress(), false, 30_000);
    expect(view.ratio).toBeCloseTo(0.4);
    expect(view.countText).toBe('11,500 deleted of 30,000 counted by the dry run');
    expect(view.scanText).toBe('40,000 of 100,000 keys scanned (40 %) · 52,000 keys/s');
    expect(view.pacedText).toBeNull();
  });

  it('counts matches in a dry run, says when it is paced, and waits for DBSIZE first', () => {
    expect(bulkProgressView(progress({ paced: true, pingMs: 3.14 }), true, null)).toMatchObject({ countText: '12,000 matched so far', pacedText: 'paced: PING 3.1 ms' });
    expect(bulkProgressView(progress({ perSecond: null }), true, null).scanText).toMatch(/measuring…$/);
    expect(bulkProgressView(null, true, null)).toMatchObject({ ratio: 0, countText: 'Starting: reading DBSIZE…' });
  });
});

describe('the outcome', () => {
  it('says what was deleted, skipped and failed', () => {
    expect(outcomeText(result({ dryRun: false, deleted: 30_000 }))).toBe('Deleted 30,000 keys, skipped 0, 0 errors.');
    expect(outcomeText(result({ dryRun: false, deleted: 1, skipped: 2, errors: 1, firstError: 'BUSY' }))).toBe('Deleted 1 key, skipped 2 (gone meanwhile), 1 error (first: BUSY).');
    expect(outcomeText(result({ dryRun: false, deleted: 12_000, stoppedBy: 'cancelled' }))).toBe('Stopped on request: deleted 12,000 keys, skipped 0, 0 errors.');
  });

  it('toasts a real delete\'s end, never a dry run\'s', () => {
    const done = job({ result: result({ dryRun: false, deleted: 30_000 }) }, { dryRun: false });
    expect(outcomeToast(done)).toEqual({ message: 'Deleted 30,000 keys matching sess:* (db0)', tone: 'success' });
    expect(outcomeToast(job())).toBeNull();
    expect(outcomeToast(job({ status: 'running' }, { dryRun: false }))).toBeNull();
    expect(outcomeToast(job({ status: 'cancelled', result: result({ dryRun: false, deleted: 5, stoppedBy: 'cancelled' }) }, { dryRun: false })))
      .toEqual({ message: 'Stopped: deleted 5 keys matching sess:* (db0)', tone: 'info' });
    expect(outcomeToast(job({ status: 'failed', result: null, error: 'Redis is down.' }, { dryRun: false, type: 'hash', db: 2 })))
      .toEqual({ message: 'Bulk delete of sess:* of type hash (db2) failed: Redis is down.', tone: 'error' });
    expect(scopeText({ db: 1, match: 't:*', type: 'list' })).toBe('t:* of type list (db1)');
  });
});
