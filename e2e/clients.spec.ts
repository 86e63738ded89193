// The clients page (SPEC section 11): connections grouped under their pool's name, Redlens's own
// marked and never offered a Kill, a viewer sees no Kill at all, and an admin kills exactly the
// connection the confirmation names.
import Redis from 'ioredis';
import { expect, test } from './support/fixtures';

const POOL = 'e2e-clients-pool';
const POOL_SIZE = 5;

test.describe('clients', () => {
  let pool: Redis[] = [];

  test.beforeEach(async ({ servers }) => {
    pool = await Promise.all(Array.from({ length: POOL_SIZE }, async () => {
      const client = new Redis({ host: '127.0.0.1', port: servers.main.port, connectionName: POOL, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      await client.ping();
      return client;
    }));
  });

  test.afterEach(() => {
    for (const client of pool) client.disconnect();
  });

  test.describe('as a viewer', () => {
    test.use({ signInAs: 'viewer' });

    test('renders the counts, the pool under its name and no Kill', async ({ page }) => {
      await page.goto('/instances/e2e-main/clients');
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Clients');
      await expect(page.getByTestId('clients-totals')).toContainText('target < 50');
      const poolGroup = page.getByTestId('clients-by-name').getByTestId('clients-group-row').filter({ hasText: POOL });
      await expect(poolGroup).toContainText(String(POOL_SIZE));
      const table = page.getByTestId('clients-table');
      await expect(table.getByTestId('clients-row').filter({ hasText: POOL })).toHaveCount(POOL_SIZE);
      // Redlens's own connection is listed, with its badge.
      await expect(table.getByTestId('clients-flag-own').first()).toBeVisible();
      await expect(page.getByTestId('clients-kill')).toHaveCount(0);
    });
  });

  test('an admin kills exactly the connection the confirmation names, never Redlens’s own', async ({ page, mainRedis }) => {
    const victim = pool[0]!;
    const victimId = Number(await victim.client('ID'));
    const otherIds = await Promise.all(pool.slice(1).map(async (client) => Number(await client.client('ID'))));

    await page.goto('/instances/e2e-main/clients');
    const table = page.getByTestId('clients-table');
    // Redlens's own rows have no Kill.
    const ownRow = table.getByTestId('clients-row').filter({ has: page.getByTestId('clients-flag-own') }).first();
    await expect(ownRow).toBeVisible();
    await expect(ownRow.getByTestId('clients-kill')).toHaveCount(0);

    await page.getByRole('searchbox', { name: 'Name, address, command or id' }).fill(POOL);
    const row = table.locator(`[data-client-id="${victimId}"]`);
    await row.getByTestId('clients-kill').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('clients-kill-target')).toContainText(String(victimId));
    await expect(dialog.getByTestId('clients-kill-target')).toContainText(POOL);
    await dialog.getByRole('button', { name: 'Kill connection' }).click();

    await expect(page.getByTestId('clients-kill-done')).toContainText(`Killed client ${victimId}`);
    await expect(row).toHaveCount(0);
    const listed = String(await mainRedis.client('LIST'));
    expect(listed).not.toMatch(new RegExp(`^id=${victimId} `, 'm'));
    for (const id of otherIds) expect(listed).toMatch(new RegExp(`^id=${id} `, 'm'));
  });
});
