// The commands and latency pages (issue 13 items 4 and 5): both render on a real Redis; an admin
// turns the latency monitor on from the latency page's warning and the warning clears; a viewer
// is shown the fix but no Apply.
import { expect, test } from './support/fixtures';

test.describe('commands page', () => {
  test.use({ signInAs: 'viewer' });

  test('shows the application commands by time, with the guide warning beside HGETALL', async ({ page, mainRedis }) => {
    await mainRedis.hset('e2e:commands:hash', 'f', 'v');
    await page.goto('/instances/e2e-main/commands');
    await expect(page.getByRole('heading', { name: 'Commands', level: 1 })).toBeVisible();
    // Called while the page polls, so the sampler's window (1 s samples here) holds them.
    const row = page.locator('[data-testid="commands-row"][data-command="hgetall"]');
    await expect(async () => {
      await mainRedis.hgetall('e2e:commands:hash');
      await expect(row).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    await expect(row.getByTestId('commands-warning')).toContainText('HGETALL');
    // The sampler's SLOWLOG LEN every second is Redlens's own: left out (Redis 7 names it slowlog|len).
    await expect(page.locator('[data-command="slowlog|len"]')).toHaveCount(0);
    // Sortable: a click on Calls/s sorts by it.
    await page.getByTestId('commands-sort-calls').click();
    await expect(page.getByRole('columnheader', { name: /Calls\/s/ })).toHaveAttribute('aria-sort', 'descending');
    await expect(page.getByTestId('errors-panel')).toBeVisible();
  });
});

test.describe('latency page', () => {
  let threshold = '0';

  test.beforeEach(async ({ mainRedis }) => {
    threshold = ((await mainRedis.config('GET', 'latency-monitor-threshold')) as string[])[1] ?? '0';
    await mainRedis.config('SET', 'latency-monitor-threshold', '0');
  });
  test.afterEach(async ({ mainRedis }) => {
    await mainRedis.config('SET', 'latency-monitor-threshold', threshold);
  });

  test('an admin applies latency-monitor-threshold from the warning and it clears', async ({ page, mainRedis }) => {
    await page.goto('/instances/e2e-main/latency');
    await expect(page.getByRole('heading', { name: 'Latency', level: 1 })).toBeVisible();
    await expect(page.getByTestId('latency-p95')).toBeVisible();
    const warning = page.getByTestId('latency-monitor-warning');
    await expect(warning).toBeVisible();
    await expect(page.getByTestId('latency-monitor-fix')).toHaveText('CONFIG SET latency-monitor-threshold 100');

    await page.getByTestId('latency-monitor-apply').click();
    const dialog = page.getByRole('dialog', { name: 'Turn the latency monitor on?' });
    await expect(dialog).toContainText('from 0 (off) to 100 ms');
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog).toBeHidden();
    await expect(warning).toHaveCount(0);
    expect(await mainRedis.config('GET', 'latency-monitor-threshold')).toEqual(['latency-monitor-threshold', '100']);
    await expect(page.getByTestId('latency-latest')).toBeVisible();
    await expect(page.getByTestId('latency-doctor')).toBeVisible();
  });

  test.describe('as a viewer', () => {
    test.use({ signInAs: 'viewer' });

    test('sees the warning and the fix but no Apply', async ({ page }) => {
      await page.goto('/instances/e2e-main/latency');
      await expect(page.getByTestId('latency-monitor-warning')).toBeVisible();
      await expect(page.getByTestId('latency-monitor-fix')).toBeVisible();
      await expect(page.getByTestId('latency-histogram')).toBeVisible();
      await expect(page.getByTestId('latency-monitor-apply')).toHaveCount(0);
    });
  });
});
