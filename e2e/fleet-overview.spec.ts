import { expect, test, totalKeys } from './support/fixtures';

test('the fleet overview shows the version and key count of a Redis the test seeded', async ({ page, mainRedis }) => {
  const pipeline = mainRedis.pipeline();
  for (let i = 0; i < 120; i++) pipeline.set(`e2e:overview:${i}`, `value ${i}`);
  pipeline.select(3);
  for (let i = 0; i < 30; i++) pipeline.set(`e2e:overview:db3:${i}`, 'v', 'EX', 3600);
  pipeline.select(0);
  await pipeline.exec();
  const version = /redis_version:(\S+)/.exec(await mainRedis.info('server'))?.[1] ?? 'unknown';
  const keys = await totalKeys(mainRedis);
  expect(keys).toBeGreaterThanOrEqual(150);

  await page.goto('/');
  const card = page.getByTestId('instance-card-e2e-main');
  await expect(card.getByTestId('card-version')).toContainText(version);
  await expect(card.getByTestId('card-keys')).toContainText(keys.toLocaleString('en-US'));
  await expect(page.getByTestId('instance-card-e2e-second')).toBeVisible();
  await expect(page.getByTestId('down-banner')).toHaveCount(0);
});

test('the overview polls one endpoint for every instance, and its hit ratio is over a window', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/api/')) calls.push(`${request.method()} ${pathname}`);
  });
  await page.goto('/');
  const main = page.getByTestId('instance-card-e2e-main');
  await expect(main.getByTestId('card-version')).toBeVisible();
  await expect(page.getByTestId('instance-card-e2e-second').getByTestId('card-version')).toBeVisible();
  // Samples are a second apart here: the window exists after the second one.
  await expect(main.getByTestId('card-hit-ratio-window')).toHaveText(/^last \d+ s$/);
  await expect(main).not.toContainText('since restart');

  // Two poll cycles (3 s each) with the page left alone: the fleet answer, and only what the shell
  // itself asks (the admins' store status), never the list, INFO or health of each card.
  calls.length = 0;
  await page.waitForTimeout(7_000);
  const fleetPolls = calls.filter((call) => call === 'GET /api/fleet').length;
  expect(fleetPolls).toBeGreaterThanOrEqual(2);
  expect(calls.filter((call) => call !== 'GET /api/fleet' && call !== 'GET /api/store' && call !== 'GET /api/auth/me')).toEqual([]);
});

test('the instance header shows the hit ratio over the window, and since restart only in the stats', async ({ page }) => {
  await page.goto('/instances/e2e-main');
  await expect(page.getByTestId('header-hit-ratio')).toContainText(/hit ratio .*\(last \d+ s\)/);
  await expect(page.getByTestId('header-hit-ratio')).not.toContainText('since restart');
});

test('the instance page shows the keyspace of every db', async ({ page, mainRedis }) => {
  await mainRedis.select(5);
  await mainRedis.set('e2e:instance:db5', 'v', 'EX', 600);
  await mainRedis.select(0);
  const db5 = /^db5:keys=(\d+)/m.exec(await mainRedis.info('keyspace'))?.[1];

  await page.goto('/');
  await page.getByTestId('instance-card-e2e-main').getByRole('link').first().click();
  await expect(page).toHaveURL(/\/instances\/e2e-main$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('E2E main');
  const table = page.getByTestId('keyspace-table');
  await expect(table.getByRole('row', { name: /db5/ })).toContainText(String(db5));
  await expect(page.getByText(/allkeys|noeviction|volatile/).first()).toBeVisible();
});

test('the cluster is one card with its node count and state; its nodes are not cards of their own', async ({ page, servers }) => {
  await page.goto('/');
  const card = page.getByTestId('instance-card-e2e-cluster');
  await expect(card.getByTestId('card-cluster')).toContainText('6 nodes (3 masters)');
  await expect(card.getByTestId('card-cluster')).toContainText('cluster_state: ok');
  await expect(card.getByTestId('card-keys')).toHaveText(/^[\d,]+$/);
  await expect(card.getByTestId('health-light')).toBeVisible();
  await expect(page.getByTestId(`instance-card-e2e-cluster.127-0-0-1-${servers.cluster.ports[0]}`)).toHaveCount(0);
  // One card each for e2e-main, e2e-second and the cluster (a card's own findings list is nested deeper).
  await expect(page.locator('ul[aria-label="Redis instances"] > li')).toHaveCount(3);
  await card.getByRole('link', { name: 'E2E cluster' }).click();
  await expect(page).toHaveURL(/\/instances\/e2e-cluster$/);
  await expect(page.getByTestId('cluster-node')).toHaveCount(6);
});
