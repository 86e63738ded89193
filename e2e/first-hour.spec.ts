// The first hour with Redlens (issue 17): a link opened signed out lands where it points after
// sign-in, and never on another site; pages say where they are.
import type { Page } from '@playwright/test';
import { expect, PASSWORDS, test } from './support/fixtures';

async function signInThroughForm(page: Page) {
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill(PASSWORDS.admin);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test.describe('signed out', () => {
  test.use({ signInAs: null });

  test('a deep link lands on the same URL, path and query, after sign-in', async ({ page, baseURL }) => {
    const deepLink = '/instances/e2e-main/slowlog?view=archive&range=7d&q=KEYS';
    await page.goto(deepLink);
    await expect(page).toHaveURL(`${baseURL}/login?next=${encodeURIComponent(deepLink)}`);
    await signInThroughForm(page);
    await expect(page).toHaveURL(`${baseURL}${deepLink}`);
    await expect(page.getByRole('heading', { level: 1, name: 'Slow log' })).toBeVisible();
  });

  for (const foreign of ['//evil.example', 'https://evil.example', '/\\evil.example', '/%2F%2Fevil.example']) {
    test(`next=${foreign} lands on the overview, not another site`, async ({ page, baseURL }) => {
      await page.goto(`/login?next=${encodeURIComponent(foreign)}`);
      await signInThroughForm(page);
      await expect(page).toHaveURL(`${baseURL}/`);
      await expect(page.getByTestId('user-menu')).toContainText('admin');
    });
  }

  test('a signed-in visit to the sign-in page goes on to next', async ({ page, baseURL }) => {
    await page.goto('/login');
    await signInThroughForm(page);
    await expect(page).toHaveURL(`${baseURL}/`);
    await page.goto(`/login?next=${encodeURIComponent('/instances/e2e-main/keys')}`);
    await expect(page).toHaveURL(`${baseURL}/instances/e2e-main/keys`);
    await page.goto(`/login?next=${encodeURIComponent('https://evil.example')}`);
    await expect(page).toHaveURL(`${baseURL}/`);
  });
});
