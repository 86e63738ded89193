// Markup in Redis data, configuration and audited input renders as text on every page: no
// dialog opens, no injected element appears (the console guard fails the test on a dialog).
import { expect, test } from './support/fixtures';

const MARKUP = '<img src=x onerror=alert(1)>';

// The page of an instance named with markup does not exist: its info call answers 404.
test.use({ expectedStatuses: [401, 404] });

test('markup in instance names, client names, keys, values and audited usernames stays text', async ({ page, mainRedis, baseURL }) => {
  await mainRedis.client('SETNAME', '<script>alert(1)</script>');
  await mainRedis.set(`e2e:xss:${MARKUP}`, `<script>alert("value")</script>${MARKUP}`);
  await page.request.post('/api/auth/login', {
    data: { username: MARKUP.replace(/ /g, ''), password: 'x' },
    headers: { origin: baseURL! },
  });

  for (const path of ['/', '/instances/e2e-main', '/instances/e2e-second', '/audit', `/instances/${encodeURIComponent(MARKUP)}`]) {
    await page.goto(path);
    await expect(page.getByTestId('user-menu')).toBeVisible();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('main script')).toHaveCount(0);
  }
  await page.goto('/');
  await expect(page.getByTestId('instance-card-e2e-second')).toContainText(MARKUP);
  await page.goto('/audit');
  await expect(page.getByTestId('audit-table')).toContainText(MARKUP.replace(/ /g, ''));
});
