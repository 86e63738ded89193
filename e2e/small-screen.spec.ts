// A phone-sized screen (390 px): every page fits its width (wide tables scroll inside their own
// box, never the page), and a long key name can be read whole in the key browser.
import { expect, test } from './support/fixtures';
import { DASHBOARD_PAGES, LOGIN_PAGE, LONG_KEY, openPage, seedPages } from './support/pages';

const WIDTH = 390;
test.use({ viewport: { width: WIDTH, height: 844 } });

const pageWidth = (page: import('@playwright/test').Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

/** The outermost elements that reach past the screen's right edge, for the failure message. */
const overflowing = (page: import('@playwright/test').Page) =>
  page.evaluate((width) => {
    // Content of a box that scrolls sideways may reach past the edge: the box is what counts.
    const scrolls = (element: Element | null): boolean =>
      element !== null && element !== document.body && ((element !== null && ['auto', 'scroll'].includes(getComputedStyle(element).overflowX)) || scrolls(element.parentElement));
    const wide = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 1 && !scrolls(element.parentElement));
    return wide
      .filter((element) => !wide.includes(element.parentElement!))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} [${element.getAttribute('data-testid') ?? ''}] right=${Math.round(element.getBoundingClientRect().right)}`);
  }, WIDTH);

/**
 * Every table box wider than the screen, scrolled to its right end: how far it scrolled, how far
 * its first and second body cells moved (px), and the first column's share of the box's width.
 */
const pinnedColumns = (page: import('@playwright/test').Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.table-scroll')]
      .filter((box) => box.scrollWidth > box.clientWidth + 1 && box.querySelector('tbody tr td + td'))
      .map((box) => {
        const first = box.querySelector('tbody tr td + td')!.parentElement!.firstElementChild!;
        const second = first.nextElementSibling!;
        const before = { first: first.getBoundingClientRect().left, second: second.getBoundingClientRect().left };
        box.scrollLeft = box.scrollWidth;
        const moved = {
          scrolled: box.scrollLeft,
          firstMoved: first.getBoundingClientRect().left - before.first,
          secondMoved: second.getBoundingClientRect().left - before.second,
        };
        box.scrollLeft = 0;
        return { testId: box.querySelector('table')?.dataset.testid ?? box.dataset.testid ?? '', ...moved, firstShare: first.getBoundingClientRect().width / box.clientWidth };
      }),
  );

test.describe('signed in', () => {
  for (const target of DASHBOARD_PAGES) {
    test(`${target.name}: no horizontal page scroll at ${WIDTH} px`, async ({ page, mainRedis }) => {
      await seedPages(mainRedis);
      await openPage(page, target);
      expect(await pageWidth(page), (await overflowing(page)).join('\n')).toBeLessThanOrEqual(WIDTH);
      // A wide table's pinned first column never covers most of its box.
      for (const box of await pinnedColumns(page)) expect(box.firstShare, box.testId).toBeLessThanOrEqual(0.6);
    });
  }

  // Pages whose tables are wider than a phone: each scrolls inside its box, and the first
  // column stays where it was (every row still says what it is) without covering the table.
  for (const name of ['slow log live', 'audit', 'clients', 'commands', 'cluster']) {
    test(`${name}: a wide table scrolls in its box with its first column in place`, async ({ page, mainRedis }) => {
      await seedPages(mainRedis);
      await openPage(page, DASHBOARD_PAGES.find((target) => target.name === name)!);
      const boxes = await pinnedColumns(page);
      expect(boxes.length, 'a table wider than the screen').toBeGreaterThan(0);
      for (const box of boxes) {
        expect(box.scrolled, box.testId).toBeGreaterThan(0);
        expect(box.firstMoved, box.testId).toBe(0);
        // The rest of the row went left by as much as the box scrolled.
        expect(Math.abs(box.secondMoved + box.scrolled), box.testId).toBeLessThanOrEqual(1);
        expect(box.firstShare, `${box.testId}: the pinned column's share of its box`).toBeLessThanOrEqual(0.6);
      }
    });
  }

  test('a long key name is readable whole: in the list and in the open key', async ({ page, mainRedis }) => {
    await seedPages(mainRedis);
    await openPage(page, DASHBOARD_PAGES.find((target) => target.name === 'keys with a key open')!);
    const name = page.getByTestId('key-detail-name');
    await expect(name).toHaveText(LONG_KEY);
    // Nothing of it is cut: it wraps inside the screen.
    const box = await name.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(WIDTH);
    expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);

    // In the list (rows of one line) the name has most of the row, and its whole text on hover.
    const rowName = page.getByRole('listbox').getByTestId('row-name').filter({ hasText: LONG_KEY.slice(0, 30) });
    await expect(rowName).toHaveAttribute('title', LONG_KEY);
    expect((await rowName.boundingBox())!.width).toBeGreaterThanOrEqual(WIDTH * 0.45);
  });
});

test.describe('signed out', () => {
  test.use({ signInAs: null });
  test(`login: no horizontal page scroll at ${WIDTH} px`, async ({ page }) => {
    await openPage(page, LOGIN_PAGE);
    expect(await pageWidth(page)).toBeLessThanOrEqual(WIDTH);
  });
});
