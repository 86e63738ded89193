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

test('every page says where it is: the tab title names the page and the instance, breadcrumbs lead back', async ({ page }) => {
  // A title mark "(!) " / "(!!) " may lead while some instance has a finding.
  const titled = (text: string) => new RegExp(`^(\\(!!?\\) )?${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  await page.goto('/');
  await expect(page).toHaveTitle(titled('All instances · Redlens'));
  await page.goto('/instances/e2e-main');
  await expect(page).toHaveTitle(titled('E2E main · Redlens'));
  await expect(page.getByTestId('breadcrumbs')).toContainText('All instances');
  await expect(page.getByTestId('breadcrumbs').locator('[aria-current="page"]')).toHaveText('E2E main');

  for (const [path, name] of [
    ['slowlog', 'Slow log'],
    ['keys', 'Keys'],
    ['commands', 'Commands'],
    ['latency', 'Latency'],
    ['clients', 'Clients'],
    ['config', 'Config audit'],
    ['analysis', 'Keyspace analysis'],
    ['report', 'Weekly report'],
  ] as const) {
    await page.goto(`/instances/e2e-main/${path}`);
    await expect(page, path).toHaveTitle(titled(`${name} · E2E main · Redlens`));
    const crumbs = page.getByTestId('breadcrumbs');
    await expect(crumbs.locator('[aria-current="page"]'), path).toHaveText(name);
    await expect(crumbs.getByRole('link', { name: 'E2E main' }), path).toHaveAttribute('href', '/instances/e2e-main');
  }
  await page.getByTestId('breadcrumbs').getByRole('link', { name: 'All instances' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a critical finding turns the favicon red and marks the title; the memory bar says critical too', async ({ page, api, mainRedis }) => {
  type Fleet = { instances: Array<{ id: string; health: { counts: { critical: number; warning: number }; top: Array<{ id: string; severity: string }> } }> };
  const fleet = async () => (await (await api.get('/api/fleet')).json()) as Fleet;
  const critical = async () => (await fleet()).instances.some((instance) => instance.health.counts.critical > 0);
  // Start from a fleet with no critical finding (another spec may have left one closing).
  await expect.poll(critical, { timeout: 30_000 }).toBe(false);

  await page.goto('/instances/e2e-main/keys');
  await expect(page.locator('link[rel="icon"][data-fleet-alarm="critical"]')).toHaveCount(0);
  await expect(page).not.toHaveTitle(/^\(!!\) /);

  const used = Number(/used_memory:(\d+)/.exec(await mainRedis.info('memory'))![1]);
  // Above 95 % of maxmemory: the memory-near-limit finding is critical.
  await mainRedis.config('SET', 'maxmemory', String(Math.floor(used * 0.97)));
  try {
    await expect
      .poll(async () => (await fleet()).instances.find((instance) => instance.id === 'e2e-main')?.health.top.find((finding) => finding.id === 'memory-near-limit')?.severity, {
        timeout: 30_000,
      })
      .toBe('critical');
    // The page polls the fleet every 15 s off the overview.
    const icon = page.locator('link[rel="icon"][data-fleet-alarm="critical"]');
    await expect(icon).toHaveCount(1, { timeout: 30_000 });
    expect(decodeURIComponent((await icon.getAttribute('href'))!)).toContain('fill="#dc2626"');
    await expect(page).toHaveTitle(/^\(!!\) Keys · E2E main · Redlens$/);
    // Navigating keeps the mark on the new page's title.
    await page.getByTestId('breadcrumbs').getByRole('link', { name: 'E2E main' }).click();
    await expect(page).toHaveTitle(/^\(!!\) E2E main · Redlens$/);

    // One severity scale: the memory bar's note says critical, as the finding does, not "warn".
    const memory = page.getByTestId('memory-panel');
    await expect(memory.locator('[data-verdict="critical"]')).toContainText('critical');
    await expect(page.getByTestId('health-list')).toContainText('Critical');
  } finally {
    await mainRedis.config('SET', 'maxmemory', '0');
  }
  await expect.poll(critical, { timeout: 30_000 }).toBe(false);
  await expect(page.locator('link[rel="icon"][data-fleet-alarm="critical"]')).toHaveCount(0, { timeout: 30_000 });
  await expect(page).not.toHaveTitle(/^\(!!\) /);
});

test('the history charts take a custom from/to window kept in the URL; a preset replaces it', async ({ page }) => {
  const to = Math.floor(Date.now() / 60_000) * 60_000 - 5 * 60_000;
  const from = to - 20 * 60_000;
  const asked = page.waitForResponse((response) => response.url().includes(`/api/instances/e2e-main/metrics?from=${from}&to=${to}`));
  await page.goto(`/instances/e2e-main?from=${from}&to=${to}`);
  expect((await asked).status()).toBe(200);
  const charts = page.getByTestId('history-charts');
  await expect(charts.getByTestId('range-1h')).toHaveAttribute('aria-pressed', 'false');
  await expect(charts.getByTestId('history-range-custom').locator('summary')).toContainText('Custom:');
  // The charts say which window they cover, not "the last 1 hour".
  await expect(charts.getByTestId('chart-usedMemory')).toHaveAttribute('aria-label', /over \d{4}-\d\d-\d\d \d\d:\d\d:\d\d – \d{4}-/);

  // Through the form: a window is applied to the URL.
  await page.goto('/instances/e2e-main?range=1h');
  const custom = charts.getByTestId('history-range-custom');
  await custom.locator('summary').click();
  await custom.getByTestId('history-range-from').fill('2026-01-01T10:00');
  await custom.getByTestId('history-range-to').fill('2026-01-01T12:30');
  await custom.getByTestId('history-range-apply').click();
  await expect(page).toHaveURL(/[?&]from=\d+&to=\d+/);
  await expect(page).not.toHaveURL(/range=/);
  const url = new URL(page.url());
  expect(Number(url.searchParams.get('to')) - Number(url.searchParams.get('from'))).toBe(150 * 60_000);

  // A window backwards is refused in words, the URL unchanged.
  await custom.getByTestId('history-range-from').fill('2026-01-02T10:00');
  await custom.getByTestId('history-range-apply').click();
  await expect(custom.getByRole('alert')).toHaveText('from must be before to');
  expect(new URL(page.url()).searchParams.get('to')).toBe(url.searchParams.get('to'));

  // Escape closes the custom form and the focus goes back to what opened it.
  await custom.getByTestId('history-range-from').focus();
  await page.keyboard.press('Escape');
  await expect(custom.getByTestId('history-range-from')).toBeHidden();
  await expect(custom.locator('summary')).toBeFocused();

  await charts.getByTestId('range-6h').click();
  await expect(page).toHaveURL(/range=6h/);
  await expect(page).not.toHaveURL(/from=/);

  // The API bounds the window.
  expect((await page.request.get(`/api/instances/e2e-main/metrics?from=${to}&to=${from}`)).status()).toBe(400);
  expect((await page.request.get(`/api/instances/e2e-main/metrics?from=${from}`)).status()).toBe(400);
});

test('the slow log archive opens on the range of its newest entries and takes a custom window', async ({ page, mainRedis }) => {
  // A fresh slow entry: the archive without a range opens on the last hour, not the last 24 h.
  const threshold = await mainRedis.config('GET', 'slowlog-log-slower-than');
  await mainRedis.config('SET', 'slowlog-log-slower-than', '0');
  await mainRedis.set('e2e:first-hour:slow', '1');
  await mainRedis.config('SET', 'slowlog-log-slower-than', (threshold as string[])[1]!);

  await page.goto('/instances/e2e-main/slowlog?view=archive');
  await expect(page.getByTestId('slowlog-range-1h')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('slowlog-range-24h')).toHaveAttribute('aria-pressed', 'false');

  const to = Date.now();
  const from = to - 2 * 3_600_000;
  const asked = page.waitForRequest((request) => request.url().includes(`/slowlog/archive?from=${from}&to=${to}`));
  await page.goto(`/instances/e2e-main/slowlog?view=archive&from=${from}&to=${to}`);
  await asked;
  await expect(page.getByTestId('slowlog-range-custom').locator('summary')).toContainText('Custom:');
  for (const preset of ['1h', '24h', '7d', '30d']) await expect(page.getByTestId(`slowlog-range-${preset}`)).toHaveAttribute('aria-pressed', 'false');
  await page.getByTestId('slowlog-range-7d').click();
  await expect(page).toHaveURL(/range=7d/);
  await expect(page).not.toHaveURL(/from=/);

  // The live view: the fingerprint summary comes before the raw rows.
  await page.goto('/instances/e2e-main/slowlog');
  const fingerprints = page.getByTestId('slowlog-analysis');
  const rows = page.getByRole('heading', { name: 'Live entries' });
  await expect(fingerprints).toBeVisible();
  expect((await fingerprints.boundingBox())!.y).toBeLessThan((await rows.boundingBox())!.y);
});

test('a change says what it did in a toast; Escape closes its dialog and gives the focus back', async ({ page, mainRedis }) => {
  await mainRedis.config('SET', 'maxmemory-samples', '3');
  try {
    await page.goto('/instances/e2e-main/config');
    const row = page.locator('[data-testid="config-audit-row"][data-setting="maxmemory-samples"]');
    const apply = row.getByRole('button', { name: 'Apply maxmemory-samples' });
    await apply.click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(apply).toBeFocused();
    expect(await mainRedis.config('GET', 'maxmemory-samples')).toEqual(['maxmemory-samples', '3']);

    await apply.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Apply with CONFIG SET' }).click();
    await expect(page.getByTestId('toast').filter({ hasText: 'Applied maxmemory-samples: 3 → 5.' })).toBeVisible();
  } finally {
    await mainRedis.config('SET', 'maxmemory-samples', '5');
  }
});
