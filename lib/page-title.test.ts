import { describe, expect, it } from 'vitest';
import { fleetAlarm, instancePageTitle, titleWithAlarm, titleWithoutAlarm } from './page-title';

describe('instancePageTitle', () => {
  it('puts the page before the instance name', () => {
    expect(instancePageTitle('Slow log', 'Meal planner cache')).toBe('Slow log · Meal planner cache');
  });

  it("is the name alone on the instance's own page", () => {
    expect(instancePageTitle(null, 'Meal planner cache')).toBe('Meal planner cache');
  });
});

describe('titleWithAlarm', () => {
  const title = 'Slow log · Meal planner cache · Redlens';

  it('marks a warning and a critical finding differently, and nothing when all is well', () => {
    expect(titleWithAlarm(title, 'warning')).toBe(`(!) ${title}`);
    expect(titleWithAlarm(title, 'critical')).toBe(`(!!) ${title}`);
    expect(titleWithAlarm(title, 'ok')).toBe(title);
  });

  it('replaces an earlier mark instead of stacking marks', () => {
    expect(titleWithAlarm(`(!) ${title}`, 'critical')).toBe(`(!!) ${title}`);
    expect(titleWithAlarm(`(!!) ${title}`, 'warning')).toBe(`(!) ${title}`);
    expect(titleWithAlarm(`(!!) ${title}`, 'ok')).toBe(title);
    expect(titleWithAlarm(titleWithAlarm(title, 'warning'), 'warning')).toBe(`(!) ${title}`);
    expect(titleWithoutAlarm(`(!!) ${title}`)).toBe(title);
  });
});

describe('fleetAlarm', () => {
  it('is the worst active finding over every instance', () => {
    expect(fleetAlarm([])).toBe('ok');
    expect(fleetAlarm([{ critical: 0, warning: 0 }])).toBe('ok');
    expect(fleetAlarm([{ critical: 0, warning: 0 }, { critical: 0, warning: 2 }])).toBe('warning');
    expect(fleetAlarm([{ critical: 0, warning: 3 }, { critical: 1, warning: 0 }])).toBe('critical');
  });
});
