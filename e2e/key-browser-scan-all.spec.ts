// "Scan all" as an operator uses it: every key of a db streamed from one request (the count
// matches DBSIZE), type, TTL and memory read for the rows on screen, sorted by memory over the
// measured keys, and Stop, which stops Redis's SCAN work too. Escape closes the key panel; on a
// phone-sized screen a long key name is readable whole and the page never scrolls sideways.
// Each test uses a db of its own (10-12; the other specs use 0, 3, 5 and 9).
import type Redis from 'ioredis';
import { expect, test } from './support/fixtures';

const keysPage = (query: string) => `/instances/e2e-main/keys?${query}`;

async function inDb<T>(redis: Redis, db: number, work: () => Promise<T>): Promise<T> {
  await redis.select(db);
  try {
    return await work();
  } finally {
    await redis.flushdb();
    await redis.select(0);
  }
}

async function scanCalls(redis: Redis): Promise<number> {
  const stats = await redis.info('commandstats');
  return Number(/^cmdstat_scan:calls=(\d+)/m.exec(stats)?.[1] ?? 0);
}

async function exportConnections(redis: Redis): Promise<number> {
  return String(await redis.client('LIST')).split('\n').filter((line) => / name=redlens-export /.test(line)).length;
}

test('scan all streams every key once, measures the rows on screen and sorts them by memory', async ({ page, mainRedis }) => {
  test.setTimeout(120_000);
  await inDb(mainRedis, 10, async () => {
    const pipeline = mainRedis.pipeline();
    for (let i = 0; i < 20_000; i += 1) {
      if (i % 4 === 0) pipeline.hset(`ksa:${i}`, 'f', 'v');
      else pipeline.set(`ksa:${i}`, 'x'.repeat(i % 50), 'EX', 3600);
    }
    await pipeline.exec();
    const dbSize = await mainRedis.dbsize();
    expect(dbSize).toBe(20_000);

    await page.goto(keysPage('db=10'));
    await expect(page.getByTestId('scan-progress')).toContainText('Scanned');
    await page.getByRole('button', { name: 'Scan all' }).click();
    await expect(page.getByTestId('scan-progress')).toContainText('Scan complete: 20,000 keys listed (db holds 20,000)', { timeout: 60_000 });
    const list = page.getByRole('listbox', { name: 'Keys, 20,000 listed' });
    await expect(list).toBeVisible();
    expect(await list.getByRole('option').count()).toBeLessThan(60);

    // The rows on screen get their type, TTL and memory; no row shown keeps a placeholder.
    await expect(list.getByTestId('row-meta-pending')).toHaveCount(0);
    await expect(list.getByRole('option').first()).toContainText(/string|hash/);
    await list.focus();
    await page.keyboard.press('End');
    await expect(list.locator('[aria-posinset="20000"]')).toBeVisible();
    await expect(list.locator('[aria-posinset="20000"]').getByTestId('row-meta-pending')).toHaveCount(0);

    // Sorted by memory over what was measured: the rows of the two windows seen (top and end).
    await page.getByLabel('Order').selectOption('memory');
    await expect(page.getByTestId('scan-all-measured')).toContainText(/Sorted over [\d,]+ measured keys/);
    const measured = Number(/Sorted over ([\d,]+)/.exec((await page.getByTestId('scan-all-measured').textContent()) ?? '')![1]!.replaceAll(',', ''));
    expect(measured).toBeGreaterThan(20);
    expect(measured).toBeLessThan(200);
    await expect(page.getByTestId('scan-all-measured').getByRole('link', { name: 'The keyspace analysis' }))
      .toHaveAttribute('href', '/instances/e2e-main/analysis');
    const sorted = page.getByRole('listbox', { name: 'Keys, 20,000 listed' });
    await expect(sorted.locator('[aria-posinset="1"]')).toBeVisible();
    const texts = await sorted.getByRole('option').allTextContents();
    const bytes = texts.slice(0, 12).map((text) => {
      const [, value, unit] = /([\d.]+) (B|KiB|MiB)$/.exec(text) ?? [];
      return Number(value) * (unit === 'MiB' ? 2 ** 20 : unit === 'KiB' ? 1024 : 1);
    });
    expect(bytes.every((value) => value > 0)).toBe(true);
    expect(bytes).toEqual([...bytes].sort((a, b) => b - a));

    // No TTL: among the measured keys, only the hashes (the strings all expire).
    await page.getByLabel('Order').selectOption('scan');
    await page.getByLabel('No TTL only').check();
    await expect(page.getByTestId('scan-all-measured')).toContainText(/Keys without a TTL among [\d,]+ measured keys/);
    const noTtl = page.getByRole('listbox', { name: /^Keys, [\d,]+ listed$/ });
    const shown = await noTtl.getByRole('option').allTextContents();
    // A quarter of the keys are hashes: a few of the ~60 measured.
    expect(shown.length).toBeGreaterThan(3);
    for (const text of shown) expect(text).toMatch(/hash\s*no TTL/);
  });
});

test('Stop ends the stream, and Redis stops scanning with it', async ({ page, mainRedis }) => {
  test.setTimeout(120_000);
  await inDb(mainRedis, 12, async () => {
    await mainRedis.call('DEBUG', 'POPULATE', '1000000', 'kst');
    await page.goto(keysPage('db=12'));
    await page.getByRole('button', { name: 'Scan all' }).click();
    await expect(page.getByTestId('scan-progress')).toContainText(/Scanning all keys: [1-9][\d,]* of 1,000,000 names received/);
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByTestId('scan-progress')).toContainText(/Stopped: [\d,]+ of 1,000,000 names received/);
    const received = Number(/Stopped: ([\d,]+)/.exec((await page.getByTestId('scan-progress').textContent()) ?? '')![1]!.replaceAll(',', ''));
    expect(received).toBeLessThan(1_000_000);
    // The export's connection closes and SCAN calls stop growing.
    await expect.poll(() => exportConnections(mainRedis), { timeout: 5_000 }).toBe(0);
    const calls = await scanCalls(mainRedis);
    await page.waitForTimeout(1_000);
    expect(await scanCalls(mainRedis)).toBe(calls);
    // What came is listed, down to its last row (past ~235,000 rows the list scales its scroll).
    const list = page.getByRole('listbox', { name: `Keys, ${received.toLocaleString('en-US')} listed` });
    await expect(list).toBeVisible();
    await list.focus();
    await page.keyboard.press('End');
    await expect(list.locator(`[aria-posinset="${received}"]`)).toBeInViewport();
    await page.keyboard.press('Home');
    await expect(list.locator('[aria-posinset="1"]')).toBeInViewport();
  });
});

test('Escape closes the key panel and gives the list the focus; an open dialog keeps it', async ({ page, mainRedis }) => {
  await mainRedis.mset('kse:a', '1', 'kse:b', '2');
  await page.goto(keysPage('q=kse%3A'));
  const list = page.getByRole('listbox', { name: /Keys, 2 listed/ });
  await list.getByRole('option', { name: /kse:b/ }).click();
  await expect(page.getByTestId('key-detail-name')).toHaveText('kse:b');

  // A dialog open: Escape closes the dialog, not the panel.
  await page.getByRole('button', { name: 'Delete key…' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('key-detail-name')).toHaveText('kse:b');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('key-detail')).toHaveCount(0);
  await expect(page.getByText('No key open')).toBeVisible();
  await expect(page).not.toHaveURL(/key=/);
  await expect(list).toBeFocused();
  expect(await mainRedis.exists('kse:b')).toBe(1);
});

test.describe('on a 390 px screen', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a long key name is readable whole and the page does not scroll sideways', async ({ page, mainRedis }) => {
    const name = `ksp:${'tenant-eu-west-1/'.repeat(6)}user:42:session:${'a'.repeat(40)}`;
    await mainRedis.set(name, 'x');
    await page.goto(keysPage(`q=ksp%3A&key=${encodeURIComponent(Buffer.from(name).toString('base64'))}`));
    const shown = page.getByTestId('key-detail-name');
    await expect(shown).toHaveText(name);
    await expect(shown).toBeInViewport();
    const box = await shown.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    // Wrapped, not cut: nothing of it is hidden.
    expect(await shown.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The list below it fits too.
    await page.keyboard.press('Escape');
    await expect(page.getByRole('listbox', { name: /Keys, 1 listed/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
