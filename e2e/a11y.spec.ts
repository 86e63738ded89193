// Accessibility as a gate: axe-core on every page, in the light and the dark theme (the system's
// setting emulated), with no serious or critical violation allowed. Moderate and minor findings
// are left to review; a failure names the rule, its impact and the elements.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { DASHBOARD_PAGES, LOGIN_PAGE, openPage, seedPages, type DashboardPage } from './support/pages';

const THEMES = ['light', 'dark'] as const;
const GATED_IMPACTS = new Set(['serious', 'critical']);

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations
    .filter((violation) => GATED_IMPACTS.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${violation.id} (${violation.impact}): ${node.target.join(' ')} — ${node.failureSummary?.replace(/\s+/g, ' ') ?? ''}`,
      ),
    );
}

async function checkInBothThemes(page: Page, target: DashboardPage) {
  for (const colorScheme of THEMES) {
    await page.emulateMedia({ colorScheme });
    await openPage(page, target);
    await expect(page.locator('html')).toHaveAttribute('data-theme', colorScheme);
    expect(await seriousViolations(page), `${target.name} in the ${colorScheme} theme`).toEqual([]);
  }
}

test.describe('signed in', () => {
  for (const target of DASHBOARD_PAGES) {
    test(`${target.name}: no serious or critical axe violation in either theme`, async ({ page, mainRedis }) => {
      await seedPages(mainRedis);
      await checkInBothThemes(page, target);
    });
  }
});

test.describe('signed out', () => {
  test.use({ signInAs: null });
  test('login: no serious or critical axe violation in either theme', async ({ page }) => {
    await checkInBothThemes(page, LOGIN_PAGE);
  });
});
