// "What changed" is the first thing the instance page says, and the events of a range are marked
// on every history chart. The event is made for real: a memory limit just above what Redis uses
// opens the memory-near-limit finding (a finding-opened event within a few 1 s samples) and is a
// config change (helper B's watched settings, read once a minute).
import type { ChangesResponse } from '../lib/changes/types';
import type { EventsResponse } from '../lib/events/types';
import { expect, test } from './support/fixtures';

test('"what changed" is the first panel of the instance page, and its window stays in the URL', async ({ page }) => {
  await page.goto('/instances/e2e-main?range=1h');
  const panel = page.getByTestId('what-changed');
  await expect(panel.getByRole('heading', { name: 'What changed' })).toBeVisible();
  await expect(panel.getByTestId('change-figures')).toBeVisible();
  // The first section of the page, right under the instance's name, above findings and charts.
  await expect(page.locator('main section').first()).toHaveAttribute('data-testid', 'what-changed');
  const panelTop = (await panel.boundingBox())!.y;
  expect(panelTop).toBeLessThan((await page.getByTestId('health-list').boundingBox())!.y);
  expect(panelTop).toBeLessThan((await page.getByTestId('history-charts').boundingBox())!.y);

  await expect(page.getByTestId('window-15m')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('window-60m').click();
  await expect(page).toHaveURL(/window=60m/);
  await expect(page).toHaveURL(/range=1h/);
  await expect(panel.locator('[data-window="60m"]')).toBeVisible();
  // A link to the page opens the same window.
  await page.reload();
  await expect(page.getByTestId('window-60m')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.locator('[data-window="60m"]')).toBeVisible();
});

test('the changes API answers 15m and 60m and refuses any other window', async ({ api }) => {
  for (const window of ['15m', '60m'] as const) {
    const response = await api.get(`/api/instances/e2e-main/changes?window=${window}`);
    expect(response.status(), window).toBe(200);
    const body = (await response.json()) as ChangesResponse;
    expect(body.window).toBe(window);
    expect(body.figures.map((figure) => figure.id)).toContain('hitRatio');
  }
  for (const window of ['30m', '1h', '']) {
    expect((await api.get(`/api/instances/e2e-main/changes?window=${window}`)).status(), window).toBe(400);
  }
});

test('an event is marked on every history chart, listed in "what changed" and on the timeline', async ({ page, api, mainRedis }) => {
  const started = Date.now();
  const used = Number(/used_memory:(\d+)/.exec(await mainRedis.info('memory'))![1]);
  await mainRedis.config('SET', 'maxmemory', String(Math.ceil(used * 1.1)));
  try {
    const newEvents = async () => {
      const body = (await (await api.get(`/api/instances/e2e-main/events?from=${started}`)).json()) as EventsResponse;
      return body.events.filter((event) => event.kind === 'finding-opened' || event.kind === 'config-change');
    };
    await expect.poll(async () => (await newEvents()).length, { timeout: 70_000 }).toBeGreaterThan(0);
    const [event] = await newEvents();

    await page.goto('/instances/e2e-main?range=15m');
    // Every chart that draws lines carries the mark; its accessible name says kind, time and title.
    const memoryChart = page.getByTestId('chart-usedMemory');
    const mark = memoryChart.getByTestId('event-mark').filter({ hasText: event!.title });
    await expect(mark.first()).toBeAttached({ timeout: 30_000 });
    await expect(mark.first()).toHaveAttribute('aria-label', new RegExp(`at \\d\\d:\\d\\d:\\d\\d: ${escape(event!.title)}$`));
    await expect.poll(async () => Number(await page.getByTestId('chart-opsPerSec').getAttribute('data-events')), { timeout: 30_000 }).toBeGreaterThan(0);

    await expect(page.getByTestId('changes-events').getByTestId('event').filter({ hasText: event!.title }).first()).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('event-timeline').getByTestId('event').filter({ hasText: event!.title }).first()).toBeVisible({ timeout: 20_000 });
  } finally {
    await mainRedis.config('SET', 'maxmemory', '0');
  }
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
