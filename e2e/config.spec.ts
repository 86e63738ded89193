import Redis from 'ioredis';
import { expect, test } from './support/fixtures';

// maxmemory-samples is used by no other spec: the admin's apply puts it back to the recommended 5.
test.describe('config audit', () => {
  test.beforeEach(async ({ mainRedis }) => {
    await mainRedis.config('SET', 'maxmemory-samples', '3');
  });

  test.afterEach(async ({ mainRedis }) => {
    await mainRedis.config('SET', 'maxmemory-samples', '5');
  });

  test('an admin sees every section 3 row and applies a recommendation through the dialog', async ({ page, mainRedis, api }) => {
    await page.goto('/instances/e2e-main/config');
    await expect(page.getByRole('heading', { name: 'Config audit' })).toBeVisible();
    await expect(page.getByTestId('config-audit-row')).toHaveCount(29);
    const row = page.locator('[data-testid="config-audit-row"][data-setting="maxmemory-samples"]');
    await expect(row).toHaveAttribute('data-status', 'warn');
    await expect(row).toContainText('CONFIG SET maxmemory-samples 5');
    await expect(row).toContainText('maxmemory-samples 5');
    await expect(page.getByTestId('config-summary-warn')).toBeVisible();

    await row.getByRole('button', { name: 'Apply maxmemory-samples' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('config-apply-diff')).toHaveText('3 → 5');
    await dialog.getByRole('button', { name: 'Apply with CONFIG SET' }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toHaveAttribute('data-status', 'ok');
    expect(await mainRedis.config('GET', 'maxmemory-samples')).toEqual(['maxmemory-samples', '5']);

    const audit = await (await api.get('/api/audit?action=config.set')).json();
    expect(audit.entries[0]).toMatchObject({ actor: 'admin', instance: 'e2e-main', outcome: 'ok', target: 'maxmemory-samples: 3 -> 5' });
  });

  test('the dialog checks the value and the search finds any setting', async ({ page }) => {
    await page.goto('/instances/e2e-main/config');
    const row = page.locator('[data-testid="config-audit-row"][data-setting="maxmemory-samples"]');
    await row.getByRole('button', { name: 'Apply maxmemory-samples' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New value of maxmemory-samples').fill('1000');
    await expect(dialog).toContainText('must be between 1 and 64');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toHaveAttribute('data-status', 'warn');

    await page.getByLabel('Search settings').fill('databases');
    await expect(page.getByTestId('config-other-row')).toHaveCount(1);
    await expect(page.getByTestId('config-other-row')).toContainText('16');
  });

  test.describe('as a viewer', () => {
    test.use({ signInAs: 'viewer' });

    test('sees the audit and the fixes, and no Apply', async ({ page }) => {
      await page.goto('/instances/e2e-main/config');
      const row = page.locator('[data-testid="config-audit-row"][data-setting="maxmemory-samples"]');
      await expect(row).toHaveAttribute('data-status', 'warn');
      await expect(row).toContainText('CONFIG SET maxmemory-samples 5');
      await expect(page.getByTestId('config-apply')).toHaveCount(0);
    });
  });
});

test('config drift lists maxmemory-policy with each instance value, the recommendation first', async ({ page, servers }) => {
  const second = new Redis({ host: '127.0.0.1', port: servers.second.port, maxRetriesPerRequest: 1 });
  try {
    await second.config('SET', 'maxmemory-policy', 'allkeys-lfu');
    await page.goto('/config-drift');
    const row = page.locator('[data-testid="config-drift-row"][data-setting="maxmemory-policy"]');
    // The e2e cluster is one column for its six nodes (they agree), never a column per node.
    await expect(row.getByRole('cell')).toHaveText(['allkeys-lru (or allkeys-lfu)', 'noeviction', 'allkeys-lfu', 'noeviction']);
    await expect(page.getByTestId('config-drift-table').getByRole('columnheader')).toHaveText([
      'Setting', 'Recommended', 'E2E main', 'E2E second <img src=x onerror=alert(1)>', 'E2E clustercluster, 6 nodes',
    ]);
  } finally {
    await second.config('SET', 'maxmemory-policy', 'noeviction');
    second.disconnect();
  }
});
