import { launch, rawCommand, stopRedis } from '../scripts/lib/redis-server.mjs';
import { expect, test } from './support/fixtures';

test('a stopped Redis shows one banner and a 503 fast; both clear by themselves when it is back', async ({ page, api, servers }) => {
  await page.goto('/');
  await expect(page.getByTestId('instance-card-e2e-main')).toBeVisible();
  await expect(page.getByTestId('down-banner')).toHaveCount(0);

  await stopRedis(servers.main);
  try {
    const started = Date.now();
    const response = await api.get('/api/instances/e2e-main/info');
    expect(Date.now() - started).toBeLessThan(3000);
    expect(response.status()).toBe(503);
    expect((await response.json()).error.code).toBe('REDIS_UNAVAILABLE');

    const banner = page.getByTestId('down-banner');
    await expect(banner).toContainText('E2E main');
    await expect(banner).not.toContainText('E2E second');
  } finally {
    await launch(servers.main);
  }
  await expect(page.getByTestId('down-banner')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('instance-card-e2e-main').getByTestId('card-version')).toBeVisible();
});

test('a Redis blocked by DEBUG SLEEP answers 504 in under 3 s', async ({ api, servers }) => {
  await api.get('/api/instances/e2e-second/info'); // connected before it blocks
  await new Promise((resolve) => setTimeout(resolve, 1100)); // past the shared answer
  const blocker = rawCommand(servers.second.port, 'DEBUG SLEEP 4', 6000);
  await new Promise((resolve) => setTimeout(resolve, 100));
  const started = Date.now();
  const response = await api.get('/api/instances/e2e-second/info');
  expect(Date.now() - started).toBeLessThan(3000);
  expect(response.status()).toBe(504);
  expect((await response.json()).error.code).toBe('REDIS_TIMEOUT');
  await blocker;
});
