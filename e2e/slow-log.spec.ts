import { expect, test } from './support/fixtures';

test.describe('slow log', () => {
  test.beforeEach(async ({ mainRedis }) => {
    await mainRedis.config('SET', 'slowlog-log-slower-than', '0');
    await mainRedis.sadd('e2e:slow:set', 'a', 'b', 'c');
    await mainRedis.keys('e2e:slow:*');
    await mainRedis.smembers('e2e:slow:set');
    // Back to a realistic threshold: what runs from now on (the sampler, the page) stays out.
    await mainRedis.config('SET', 'slowlog-log-slower-than', '10000');
  });

  test.describe('as a viewer', () => {
    test.use({ signInAs: 'viewer' });

    test('shows entries with warnings and no reset button', async ({ page }) => {
      await page.goto('/instances/e2e-main/slowlog');
      const live = page.getByTestId('slowlog-live-table');
      await expect(live.getByTestId('slowlog-row').filter({ hasText: 'e2e:slow:*' }).first()).toBeVisible();
      await expect(live.getByTestId('slowlog-warning').first()).toBeVisible();
      await expect(page.getByTestId('slowlog-settings')).toContainText('10');
      await expect(page.getByTestId('slowlog-reset-button')).toHaveCount(0);
    });
  });

  test('an admin resets: the live table empties and the archive keeps every entry', async ({ page, mainRedis }) => {
    await page.goto('/instances/e2e-main/slowlog');
    const live = page.getByTestId('slowlog-live-table');
    await expect(live.getByTestId('slowlog-row').filter({ hasText: 'e2e:slow:*' }).first()).toBeVisible();

    await page.getByTestId('slowlog-reset-button').click();
    await expect(page.getByRole('dialog')).toContainText('archived');
    await page.getByTestId('slowlog-reset-confirm').dblclick();
    await expect(page.getByText(/Archived \d+ entr/)).toBeVisible();
    expect(Number(await mainRedis.slowlog('LEN'))).toBe(0);
    await expect(live.getByTestId('slowlog-row')).toHaveCount(0);

    const archive = await (await page.request.get('/api/instances/e2e-main/slowlog/archive?q=e2e:slow')).json();
    const commands = archive.entries.map((entry: { args: string[] }) => entry.args.join(' '));
    expect(commands).toContain('keys e2e:slow:*');
    expect(commands).toContain('smembers e2e:slow:set');
    await page.goto('/instances/e2e-main/slowlog?view=archive');
    await expect(page.getByTestId('slowlog-archive-table').getByTestId('slowlog-row').filter({ hasText: 'e2e:slow:*' }).first()).toBeVisible();

    const audit = await (await page.request.get('/api/audit?action=slowlog.reset')).json();
    expect(audit.entries[0]).toMatchObject({ actor: 'admin', instance: 'e2e-main', outcome: 'ok' });
  });
});
