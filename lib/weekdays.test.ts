import { describe, expect, it } from 'vitest';
import { WEEKDAY_NAMES, weekdayName } from './weekdays';

describe('weekdayName', () => {
  it('names ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(weekdayName(1)).toBe('Monday');
    expect(weekdayName(7)).toBe('Sunday');
    expect(WEEKDAY_NAMES).toHaveLength(7);
  });
  it('answers nothing outside 1-7', () => {
    expect(weekdayName(0)).toBe('');
    expect(weekdayName(8)).toBe('');
  });
});
