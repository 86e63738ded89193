import { describe, expect, it } from 'vitest';
import { JOB_STATUSES } from '@/lib/jobs/types';
import { statusView } from './run-status';

describe('statusView', () => {
  it('labels every status, and explains those that did not finish', () => {
    for (const status of JOB_STATUSES) {
      const view = statusView(status);
      expect(view.label).not.toBe('');
      expect(view.note === null).toBe(status === 'running' || status === 'done');
    }
  });

  it('says a stopped run holds partial figures and an interrupted one none', () => {
    expect(statusView('cancelled')).toMatchObject({ label: 'stopped', tone: 'warn' });
    expect(statusView('cancelled').note).toMatch(/only the keys counted before the stop/);
    expect(statusView('interrupted').note).toMatch(/Redlens stopped/);
    expect(statusView('failed').tone).toBe('bad');
  });
});
