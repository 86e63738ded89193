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
    const wide = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 1);
    return wide
      .filter((element) => !wide.includes(element.parentElement!))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} [${element.getAttribute('data-testid') ?? ''}] right=${Math.round(element.getBoundingClientRect().right)}`);
  }, WIDTH);

test.describe('signed in', () => {
  for (const target of DASHBOARD_PAGES) {
    test(`${target.name}: no horizontal page scroll at ${WIDTH} px`, async ({ page, mainRedis }) => {
      await seedPages(mainRedis);
      await openPage(page, target);
      expect(await pageWidth(page), (await overflowing(page)).join('\n')).toBeLessThanOrEqual(WIDTH);
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
