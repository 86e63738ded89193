// Dark mode: the system's setting (prefers-color-scheme) unless this browser chose otherwise with
// the toggle in the user menu, applied before the first paint; the charts' axes turn with it.
// Takes the screenshots of the instance page and the key browser in both themes: into
// .reports/screenshots/, or the README's public/screenshots/ with REDLENS_README_SCREENSHOTS=1
// (a test run leaves the checkout as it was).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DASHBOARD_PAGES, openPage, seedPages } from './support/pages';

const INSTANCE = DASHBOARD_PAGES.find((target) => target.name === 'instance')!;
const KEYS = DASHBOARD_PAGES.find((target) => target.name === 'keys with a key open')!;

/** The theme <html> had when <body> first appeared: what the first paint used. */
async function recordThemeAtFirstBody(page: Page) {
  await page.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (!document.body) return;
      (window as unknown as { themeAtFirstBody?: string }).themeAtFirstBody = document.documentElement.dataset.theme ?? 'none';
      seen.disconnect();
    });
    seen.observe(document, { childList: true, subtree: true });
  });
}

const themeAtFirstBody = (page: Page) => page.evaluate(() => (window as unknown as { themeAtFirstBody?: string }).themeAtFirstBody);

/** WCAG relative luminance of a CSS colour as the page resolves it (a canvas turns oklch to sRGB). */
async function luminanceOf(page: Page, selector: string, property: 'backgroundColor' | 'color' | 'fill'): Promise<number> {
  return page.locator(selector).first().evaluate((element, prop) => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 1;
    const context = canvas.getContext('2d')!;
    context.fillStyle = getComputedStyle(element)[prop];
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...context.getImageData(0, 0, 1, 1).data].map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  }, property);
}

const contrast = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);

test('follows the system: dark when prefers-color-scheme is dark, from the first paint, charts included', async ({ page }) => {
  await recordThemeAtFirstBody(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPage(page, INSTANCE);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await themeAtFirstBody(page)).toBe('dark');
  expect(await luminanceOf(page, 'body', 'backgroundColor')).toBeLessThan(0.05);
  expect(await luminanceOf(page, 'body', 'color')).toBeGreaterThan(0.7);

  // A chart's axis labels read on its card in the dark theme (AA for text: 4.5:1).
  const card = '[data-testid="chart-usedMemory"]';
  const tick = `${card} .recharts-cartesian-axis-tick-value`;
  await expect(page.locator(tick).first()).toBeVisible();
  expect(contrast(await luminanceOf(page, tick, 'fill'), await luminanceOf(page, card, 'backgroundColor'))).toBeGreaterThanOrEqual(4.5);

  // The system turns light: the page follows while no choice is kept.
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await luminanceOf(page, 'body', 'backgroundColor')).toBeGreaterThan(0.9);
  expect(contrast(await luminanceOf(page, tick, 'fill'), await luminanceOf(page, card, 'backgroundColor'))).toBeGreaterThanOrEqual(4.5);
});

test('the toggle chooses the theme for this browser, kept after a reload and over the system', async ({ page }) => {
  await recordThemeAtFirstBody(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await openPage(page, INSTANCE);
  const toggle = page.getByRole('combobox', { name: 'Theme' });
  await expect(toggle).toHaveValue('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await toggle.selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await luminanceOf(page, 'body', 'backgroundColor')).toBeLessThan(0.05);

  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await themeAtFirstBody(page)).toBe('dark'); // no light flash before React

  // A kept choice wins over the system's; "System" hands the choice back.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('system');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  expect(await themeAtFirstBody(page)).toBe('dark');
});

const SCREENSHOT_DIR = process.env.REDLENS_README_SCREENSHOTS === '1' ? 'public/screenshots' : '.reports/screenshots';

test('screenshots of the instance page and the key browser in both themes (README)', async ({ page, mainRedis }) => {
  await seedPages(mainRedis);
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [target, file] of [[INSTANCE, 'instance'], [KEYS, 'keys']] as const) {
      await openPage(page, target);
      await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
      // The README shows the dark pair (its light pages are scripts/screenshots.mjs's).
      await page.screenshot({ path: `${SCREENSHOT_DIR}/${file}-${colorScheme}.png` });
    }
  }
});
