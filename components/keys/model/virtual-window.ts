// Which rows a fixed-row-height virtual list shows, and where. Browsers cap an element's height
// (Chrome at about 33.5 million px: a million rows of 34 px pass it), so past MAX_SCROLL_PX the
// scroll range is scaled: the box scrolls over at most that many px, which map onto all the
// rows, and each shown row is placed relative to where the box is. Pure.

/** The tallest scroll range used; beyond it positions are scaled. */
export const MAX_SCROLL_PX = 8_000_000;
/** Rows rendered beyond each edge of the view. */
export const OVERSCAN = 8;

export interface VirtualWindow {
  /** Height of the scrolled content, px (at most MAX_SCROLL_PX). */
  spacerHeight: number;
  /** Rows' px per px of the box's scroll range (1 below the cap). */
  scale: number;
  /** Rows rendered: [first, last). */
  first: number;
  last: number;
  /** Where row `index` goes in the scrolled content, px. */
  topOf: (index: number) => number;
  /** The box's scrollTop at which the rows' offset `rowsTop` (px) is the top of the view. */
  scrollTopFor: (rowsTop: number) => number;
}

export function virtualWindow(count: number, rowHeight: number, height: number, scrollTop: number): VirtualWindow {
  const fullHeight = count * rowHeight;
  const spacerHeight = Math.min(fullHeight, MAX_SCROLL_PX);
  const scale = fullHeight > spacerHeight ? (fullHeight - height) / Math.max(1, spacerHeight - height) : 1;
  const rowsTop = scrollTop * scale;
  const first = Math.max(0, Math.floor(rowsTop / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((rowsTop + height) / rowHeight) + OVERSCAN);
  return {
    spacerHeight, scale, first, last,
    topOf: (index) => index * rowHeight - rowsTop + scrollTop,
    scrollTopFor: (top) => top / scale,
  };
}
