import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_PX, OVERSCAN, virtualWindow } from './virtual-window';

describe('virtualWindow', () => {
  it('renders the rows in view and a few either side, unscaled below the cap', () => {
    const view = virtualWindow(1_000, 34, 560, 3_400);
    expect(view.scale).toBe(1);
    expect(view.spacerHeight).toBe(34_000);
    expect(view.first).toBe(100 - OVERSCAN);
    expect(view.last).toBe(Math.ceil((3_400 + 560) / 34) + OVERSCAN);
    expect(view.topOf(100)).toBe(3_400);
  });

  it('scales a million rows into the browser height limit, reaching the first and the last row', () => {
    const count = 1_000_000;
    const top = virtualWindow(count, 34, 560, 0);
    expect(top.spacerHeight).toBe(MAX_SCROLL_PX);
    expect(top.scale).toBeGreaterThan(4);
    expect(top.first).toBe(0);
    expect(top.topOf(0)).toBe(0);

    const bottomScroll = MAX_SCROLL_PX - 560;
    const bottom = virtualWindow(count, 34, 560, bottomScroll);
    expect(bottom.last).toBe(count);
    // The last row sits at the bottom of the view, inside the scrolled content.
    expect(bottom.topOf(count - 1) + 34).toBeCloseTo(bottomScroll + 560, 6);
    expect(bottom.topOf(count - 1) + 34).toBeLessThanOrEqual(MAX_SCROLL_PX + 1e-6);
  });

  it('maps a row back to the scroll position that shows it', () => {
    const count = 1_000_000;
    const view = virtualWindow(count, 34, 560, 0);
    const scrollTop = view.scrollTopFor(500_000 * 34);
    const there = virtualWindow(count, 34, 560, scrollTop);
    expect(there.first).toBe(500_000 - OVERSCAN);
    expect(there.topOf(500_000)).toBeCloseTo(scrollTop, 6);
  });
});
