import { expect, test } from './support/fixtures';

test('the instance page charts the sampled history and switches range', async ({ page }) => {
  await page.goto('/instances/e2e-main');
  const charts = page.getByTestId('history-charts');
  await expect(charts).toBeVisible();
  for (const metric of ['usedMemory', 'hitRatio', 'opsPerSec', 'evictedPerSec', 'connectedClients', 'fragmentationRatio', 'pingP95Ms']) {
    await expect(page.getByTestId(`chart-${metric}`), metric).toBeVisible();
  }
  // The sampler runs every second in the e2e server; a line needs two filled 10 s buckets and
  // the page polls every 10 s.
  await expect(page.getByTestId('chart-usedMemory').locator('path.recharts-curve').first()).toBeVisible({ timeout: 45_000 });

  await page.getByTestId('range-6h').click();
  await expect(page).toHaveURL(/range=6h/);
  await expect(page.getByTestId('range-6h')).toHaveAttribute('aria-pressed', 'true');
  // 6 h has 30 s points: a young server may have only one, which draws no visible line yet.
  await expect.poll(async () => Number(await page.getByTestId('chart-usedMemory').getAttribute('data-points'))).toBeGreaterThan(0);
});

test('health findings show on the instance page and as a light on the fleet card', async ({ page, api }) => {
  await expect.poll(async () => (await (await api.get('/api/instances/e2e-main/health')).json()).evaluatedAt, { timeout: 15_000 }).not.toBeNull();
  await page.goto('/instances/e2e-main');
  await expect(page.getByTestId('health-list')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('instance-card-e2e-main').getByTestId('health-light')).toBeVisible();
});

test('the metrics API answers every range with at most 1000 points', async ({ api }) => {
  for (const range of ['15m', '1h', '6h', '24h', '7d', '30d']) {
    const response = await api.get(`/api/instances/e2e-main/metrics?range=${range}`);
    expect(response.status(), range).toBe(200);
    const body = await response.json();
    expect(body.series.usedMemory.length, range).toBeLessThanOrEqual(1000);
  }
  expect((await api.get('/api/instances/e2e-main/metrics?range=2y')).status()).toBe(400);
});

test('Prometheus scrapes /api/metrics with a token', async ({ playwright, baseURL }) => {
  const scraper = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: 'Bearer e2e-api-token' } });
  await expect.poll(async () => (await (await scraper.get('/api/metrics')).text()).includes('redlens_redis_up{redis="e2e-main"} 1'), { timeout: 15_000 }).toBe(true);
  const response = await scraper.get('/api/metrics');
  expect(response.headers()['content-type']).toContain('text/plain');
  const text = await response.text();
  expect(text).toMatch(/redlens_redis_memory_used_bytes\{redis="e2e-main"\} \d+/);
  // Prometheus owns `instance` (it would rename ours to exported_instance): no series carries it.
  expect(text).not.toMatch(/[{,]instance="/);
  expect(text).toContain('# TYPE redlens_redis_keyspace_hits_total counter');
  expect((await (await playwright.request.newContext({ baseURL })).get('/api/metrics')).status()).toBe(401);
  await scraper.dispose();
});
