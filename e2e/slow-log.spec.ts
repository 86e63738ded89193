import Redis from 'ioredis';
import { expect, test } from './support/fixtures';

test.describe('slow log', () => {
  test.beforeEach(async ({ mainRedis, servers }) => {
    await mainRedis.config('SET', 'slowlog-log-slower-than', '0');
    await mainRedis.sadd('e2e:slow:set', 'a', 'b', 'c');
    await mainRedis.keys('e2e:slow:*');
    await mainRedis.smembers('e2e:slow:set');
    // One of Redlens's own (a connection named redlens…): hidden unless asked for (SPEC section 8).
    const own = new Redis({ host: '127.0.0.1', port: servers.main.port, connectionName: 'redlens-e2e', maxRetriesPerRequest: 1 });
    await own.scan('0', 'MATCH', 'e2e:own:*', 'COUNT', '1000');
    own.disconnect();
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

    test("hides Redlens's own entries until the toggle shows them, each with a badge", async ({ page }) => {
      await page.goto('/instances/e2e-main/slowlog');
      const live = page.getByTestId('slowlog-live-table');
      await expect(live.getByTestId('slowlog-row').filter({ hasText: 'e2e:slow:*' }).first()).toBeVisible();
      await expect(live.getByTestId('slowlog-row').filter({ hasText: 'e2e:own:*' })).toHaveCount(0);
      await expect(page.getByTestId('slowlog-own-note')).toContainText('sent by Redlens itself');

      const toggle = page.getByRole('checkbox', { name: 'Show Redlens’s own entries' });
      await toggle.check();
      await expect(page).toHaveURL(/[?&]own=show/);
      const ownRow = live.getByTestId('slowlog-row').filter({ hasText: 'e2e:own:*' }).first();
      await expect(ownRow).toBeVisible();
      await expect(ownRow.getByTestId('slowlog-own-badge')).toHaveText('Redlens');
      await expect(live.getByTestId('slowlog-row').filter({ hasText: 'e2e:slow:*' }).getByTestId('slowlog-own-badge')).toHaveCount(0);

      await toggle.uncheck();
      await expect(live.getByTestId('slowlog-row').filter({ hasText: 'e2e:own:*' })).toHaveCount(0);
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
