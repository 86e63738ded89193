// The keyspace analysis as an admin uses it: start one from the instance page, watch its progress,
// read the answer to the three questions (what is big, which namespaces use the memory, what has
// no TTL) and open a top key in the key browser; a viewer starts a sample and stops it. The
// spec's keys live alone in their own db, emptied after each test.
import type Redis from 'ioredis';
import { expect, test } from './support/fixtures';

const DB = 5;
/**
 * Enough keys that a walk lasts a few seconds, so its progress bar can be seen and stopped
 * (one poll a second). If the walk gets fast enough to finish within a poll, raise this.
 */
const FILLER_KEYS = 500_000;
const analysisPage = '/instances/e2e-main/analysis';

/** The spec's dataset in DB; returns its DBSIZE. */
async function seed(redis: Redis): Promise<number> {
  await redis.select(DB);
  await redis.flushdb();
  // Server-side, in well under a second: `an:filler:0` ... with short string values, no TTL.
  await redis.call('DEBUG', 'POPULATE', String(FILLER_KEYS), 'an:filler');
  await redis.set('an:big:blob', 'x'.repeat(512 * 1024));
  // Short enough for a listpack (100 fields <= hash-max-listpack-entries), but one value longer
  // than hash-max-listpack-value keeps it a hashtable: an encoding finding. The longest collection.
  await redis.hset('an:recipe:1', { ...Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`field-${i}`, 'v'])), notes: 'n'.repeat(200) });
  // The policy (SPEC section 4) wants sessions to expire within 24 h: one breaks it.
  await redis.set('user:1:session', 's');
  await redis.set('user:2:session', 's', 'EX', 3600);
  return redis.dbsize();
}

test.afterEach(async ({ mainRedis }) => {
  await mainRedis.select(DB);
  await mainRedis.flushdb();
});

test('start an analysis, watch its progress, read the answer and open a top key', async ({ page, mainRedis }) => {
  const dbSize = await seed(mainRedis);
  await page.goto('/instances/e2e-main');
  await page.getByRole('link', { name: 'Keyspace analysis' }).click();
  await expect(page).toHaveURL(/\/instances\/e2e-main\/analysis$/);
  await expect(page.getByRole('heading', { name: 'No analysis yet: start one' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Start an analysis' });
  await form.getByLabel('Database').selectOption(String(DB));
  await form.getByRole('button', { name: 'Start analysis' }).click();
  await expect(page).toHaveURL(/\?run=[\w-]+$/);

  const bar = page.getByRole('progressbar', { name: 'Keys analysed' });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute('aria-valuenow', /^\d+(\.\d+)?$/);
  await expect(page.getByTestId('analysis-progress')).toContainText(/[\d,]+ of [\d,]+ keys scanned/);
  await expect(page.getByTestId('analysis-progress').getByRole('button', { name: 'Stop' })).toBeVisible();

  await expect(page.getByTestId('analysis-run')).toHaveAttribute('data-status', 'done', { timeout: 50_000 });
  await expect(bar).toHaveCount(0);
  await expect(page.getByTestId('analysis-coverage')).toHaveCount(0);
  await expect(page.getByTestId('analysis-total-keys')).toHaveText(dbSize.toLocaleString('en-US'));

  // Which namespaces use the memory: each opens the key browser filtered to it.
  const fillers = page.getByTestId('analysis-namespaces').getByRole('link', { name: 'an:filler:{id}' });
  await expect(fillers).toHaveAttribute('href', `/instances/e2e-main/keys?db=${DB}&q=an%3Afiller%3A*&mode=glob`);
  // What has no TTL: everything but user:2:session.
  await expect(page.getByTestId('analysis-no-ttl')).toContainText(`${(dbSize - 1).toLocaleString('en-US')} keys`);
  // The policy audit names the session without a TTL.
  const sessions = page.getByTestId('analysis-policy').getByRole('row', { name: /user:\{id\}:session/ });
  await expect(sessions.getByRole('link', { name: 'user:1:session' })).toBeVisible();
  // The hash a long value keeps out of its compact encoding.
  await expect(page.getByTestId('analysis-encodings')).toContainText('an:recipe:1');
  // The run is listed.
  await expect(page.getByTestId('analysis-run-row')).toHaveCount(1);

  // What is big: the biggest key first, and it opens in the key browser's detail.
  const top = page.getByTestId('analysis-top-memory').getByRole('link').first();
  await expect(top).toHaveText('an:big:blob');
  await page.getByRole('button', { name: 'By length' }).click();
  await expect(page.getByTestId('analysis-top-length').getByRole('link').first()).toHaveText('an:recipe:1');
  await page.getByRole('button', { name: 'By memory' }).click();
  await page.getByTestId('analysis-top-memory').getByRole('link', { name: 'an:big:blob' }).click();
  await expect(page).toHaveURL(new RegExp(`/instances/e2e-main/keys\\?db=${DB}&q=an%3Abig%3Ablob&mode=exact&key=`));
  await expect(page.getByTestId('key-detail-name')).toHaveText('an:big:blob');
  await expect(page.getByRole('listbox', { name: /Keys, 1 listed/ })).toBeVisible();
});

test.describe('as a viewer', () => {
  test.use({ signInAs: 'viewer' });

  test('starts a sample and stops it: what was counted is kept, labelled as such', async ({ page, mainRedis }) => {
    await seed(mainRedis);
    await page.goto(analysisPage);
    const form = page.getByRole('form', { name: 'Start an analysis' });
    await form.getByLabel('Database').selectOption(String(DB));
    await form.getByLabel('A sample (estimate)').check();
    await form.getByLabel('Sample size (keys)').fill('400,000');
    await form.getByRole('button', { name: 'Start analysis' }).click();

    await expect(page.getByRole('progressbar', { name: 'Keys analysed' })).toBeVisible();
    await expect(page.getByTestId('analysis-progress')).toContainText(/of 400,000 sampled keys/);
    // One runs per instance at a time: the form says so instead of starting another.
    await expect(form.getByRole('button', { name: 'Start analysis' })).toBeDisabled();
    await page.getByTestId('analysis-progress').getByRole('button', { name: 'Stop' }).click();

    await expect(page.getByTestId('analysis-run')).toHaveAttribute('data-status', 'cancelled');
    await expect(page.getByTestId('analysis-run-status')).toHaveText('stopped');
    await expect(page.getByTestId('analysis-status-note')).toContainText('Stopped on request');
    await expect(page.getByTestId('analysis-coverage')).toContainText(/^(Estimate from|Partial:)/);
    await expect(page.getByTestId('analysis-result')).toBeVisible();
    await expect(form.getByRole('button', { name: 'Start analysis' })).toBeEnabled();
  });
});
