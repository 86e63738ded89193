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
