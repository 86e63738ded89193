import { expect, PASSWORDS, test } from './support/fixtures';

test.describe('signed out', () => {
  test.use({ signInAs: null });

  test('an admin signs in, sees the admin-only audit log, and signs out', async ({ page, playwright, baseURL }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login$/);

    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('login-error')).toContainText('Wrong username or password');

    await page.getByLabel('Password').fill(PASSWORDS.admin);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByTestId('user-menu')).toContainText('admin');
    await expect(page.getByRole('link', { name: 'Audit log' })).toBeVisible();

    const session = (await page.context().cookies()).find((cookie) => cookie.name === 'redlens_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login$/);
    // The session ended on the server: the old cookie, replayed, signs nobody in.
    const replay = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `redlens_session=${session!.value}` } });
    expect((await replay.get('/api/auth/me')).status()).toBe(401);
    await replay.dispose();
    await page.goto('/instances/e2e-main');
    // The sign-in page comes back to the page asked for (e2e/first-hour.spec.ts follows the link).
    await expect(page).toHaveURL(/\/login\?next=%2Finstances%2Fe2e-main$/);
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
  });

  test('a viewer sees no admin or destructive control', async ({ page }) => {
    await page.goto('/login');
    await page.getByLabel('Username').fill('viewer');
    await page.getByLabel('Password').fill(PASSWORDS.viewer);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('user-menu')).toContainText('viewer');

    const destructive = /delete|reset|flush|unlink|remove|expire|persist/i;
    for (const path of ['/', '/instances/e2e-main']) {
      await page.goto(path);
      await expect(page.getByTestId('user-menu')).toBeVisible();
      await expect(page.getByRole('button', { name: destructive })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
    }
    await page.goto('/audit');
    await expect(page.getByText('Only admins can read the audit log')).toBeVisible();
    await expect(page.getByTestId('audit-table')).toHaveCount(0);
  });
});

test('the audit page lists the sign-ins of this run and filters them', async ({ page }) => {
  await page.goto('/audit');
  const table = page.getByTestId('audit-table');
  await expect(table.getByRole('row', { name: /auth\.login.*viewer/ }).first()).toBeVisible();
  await expect(table.getByRole('row', { name: /auth\.logout/ }).first()).toBeVisible();
  await page.getByLabel('Outcome').selectOption('denied');
  await expect(page).toHaveURL(/outcome=denied/);
  await expect(table.getByRole('row', { name: /auth\.login.*admin.*denied/i }).first()).toBeVisible();
  await expect(table.getByRole('row', { name: /\bok\b/ })).toHaveCount(0);
});
