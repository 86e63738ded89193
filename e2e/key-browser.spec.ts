// The key browser as an operator uses it: browse and filter, open each type, the tree view,
// odd names shown as text, delete as admin (with the exact key in the confirmation), and no
// admin controls for a viewer. Each test writes under its own key prefix.
import { expect, test } from './support/fixtures';

const keysPage = (query: string) => `/instances/e2e-main/keys?${query}`;

async function seedEachType(redis: import('ioredis').default, prefix: string) {
  await redis.set(`${prefix}:string`, '{"recipe":"crème brûlée","kcal":420}');
  await redis.hset(`${prefix}:hash`, 'title', 'Smoky Tofu Bowl', 'servings', '2');
  await redis.rpush(`${prefix}:list`, 'job-1', 'job-2', 'job-3');
  await redis.sadd(`${prefix}:set`, 'vegan', 'keto');
  await redis.zadd(`${prefix}:zset`, 10, 'recipe:1', 20, 'recipe:2');
  await redis.xadd(`${prefix}:stream`, '*', 'event', 'weight', 'kg', '72.5');
  await redis.xgroup('CREATE', `${prefix}:stream`, 'coaches', '0');
  await redis.expire(`${prefix}:string`, 3600);
}

test('browse, filter by pattern and by type, and open each type', async ({ page, mainRedis }) => {
  await seedEachType(mainRedis, 'kb1');
  await page.goto('/instances/e2e-main');
  await page.getByRole('link', { name: 'Browse keys' }).click();
  await expect(page).toHaveURL(/\/instances\/e2e-main\/keys$/);

  await page.getByLabel('Key name').fill('kb1:');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/q=kb1%3A/);
  const list = page.getByRole('listbox', { name: /Keys, 6 listed/ });
  await expect(list).toBeVisible();
  await expect(page.getByTestId('scan-progress')).toContainText('Scan complete');

  // The filters' Type (the bulk delete dialog, closed, has one too).
  await page.getByTestId('key-filters').getByLabel('Type').selectOption('hash');
  await expect(page.getByRole('listbox', { name: /Keys, 1 listed/ }).getByRole('option')).toHaveText(/kb1:hash/);
  await page.getByTestId('key-filters').getByLabel('Type').selectOption('');
  await expect(list).toBeVisible();

  const expectations: Array<[string, string, RegExp]> = [
    ['string', 'string-value', /crème brûlée/],
    ['hash', 'hash-value', /Smoky Tofu Bowl/],
    ['list', 'list-value', /job-3/],
    ['set', 'set-value', /keto/],
    ['zset', 'zset-value', /recipe:2\s*20/],
    ['stream', 'stream-value', /kg = 72.5/],
  ];
  for (const [type, testId, text] of expectations) {
    await list.getByRole('option', { name: new RegExp(`kb1:${type}\\b`) }).click();
    const detail = page.getByTestId('key-detail');
    await expect(detail.getByTestId('key-detail-name')).toHaveText(`kb1:${type}`);
    await expect(detail.getByTestId(testId)).toContainText(text);
  }
  await expect(page.getByTestId('stream-groups')).toContainText('coaches');
  // The open key is in the URL: a reload (or a shared link) opens the same view.
  await page.reload();
  await expect(page.getByTestId('key-detail-name')).toHaveText('kb1:stream');

  await page.getByRole('listbox').getByRole('option', { name: /kb1:string/ }).click();
  await page.getByRole('button', { name: 'JSON' }).click();
  await expect(page.getByTestId('string-value')).toContainText('"kcal": 420');
  await expect(page.getByTestId('key-ttl')).toHaveText(/59 min|1 h/);
});

test('the keyboard moves through the list and Enter opens a key', async ({ page, mainRedis }) => {
  await mainRedis.mset('kb2:a', '1', 'kb2:b', '2', 'kb2:c', '3');
  await page.goto(keysPage('q=kb2%3A'));
  const list = page.getByRole('listbox', { name: /Keys, 3 listed/ });
  await list.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('key-detail-name')).toHaveText(/kb2:[abc]/);
  await expect(page).toHaveURL(/key=/);
});

test('the tree view groups names by a delimiter, with counts', async ({ page, mainRedis }) => {
  await mainRedis.mset('kb3:user:1:session', 's', 'kb3:user:1:prefs', 'p', 'kb3:user:2:session', 's', 'kb3:recipe:9', 'r');
  await page.goto(keysPage('q=kb3%3A&view=tree'));
  const tree = page.getByRole('listbox', { name: /Key tree by ":", 4 keys listed/ });
  await expect(tree.getByRole('option')).toHaveCount(1);
  await expect(tree.getByRole('option').first()).toContainText('kb3:4 keys');
  await tree.getByRole('option', { name: /kb3/ }).click();
  await tree.getByRole('option', { name: /^user: 3 keys/ }).click();
  await tree.getByRole('option', { name: /^1: 2 keys/ }).click();
  await tree.getByRole('option', { name: /prefs/ }).click();
  await expect(page.getByTestId('key-detail-name')).toHaveText('kb3:user:1:prefs');
  await page.getByLabel('Delimiter').fill('/');
  await expect(tree).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: /Key tree by "\/"/ }).getByRole('option')).toHaveCount(4);
});

test('binary, bidi and markup names are shown as text with visible escapes', async ({ page, mainRedis }) => {
  await mainRedis.set(Buffer.concat([Buffer.from('kb4:bin:'), Buffer.from([0xff, 0x00])]), 'x');
  await mainRedis.set('kb4:evil:\u202Egnp.exe', 'x');
  await mainRedis.set('kb4:<img src=x onerror=alert(1)>', '<script>alert(2)</script>');
  await page.goto(keysPage('q=kb4%3A'));
  const list = page.getByRole('listbox', { name: /Keys, 3 listed/ });
  await expect(list).toContainText('kb4:bin:\\xff\\x00');
  await expect(list).toContainText('kb4:evil:\\u202egnp.exe');
  await list.getByRole('option', { name: /onerror/ }).click();
  await expect(page.getByTestId('string-value')).toHaveText('<script>alert(2)</script>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
});

test('an admin deletes exactly the key the confirmation names', async ({ page, mainRedis }) => {
  const twinA = Buffer.from([0x6b, 0x62, 0x35, 0x3a, 0xff]);
  const twinB = Buffer.from([0x6b, 0x62, 0x35, 0x3a, 0xfe]);
  await mainRedis.set(twinA, 'a');
  await mainRedis.set(twinB, 'b');
  await page.goto(keysPage(`q=kb5%3A&key=${encodeURIComponent(twinA.toString('base64'))}`));
  await expect(page.getByTestId('key-detail-name')).toHaveText('kb5:\\xff');
  await page.getByRole('button', { name: 'Delete key…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this key?' });
  await expect(dialog.getByTestId('confirm-key-name')).toHaveText('kb5:\\xff');
  await expect(dialog).toContainText(twinA.toString('base64'));
  await dialog.getByRole('button', { name: 'Delete key' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('listbox', { name: /Keys, 1 listed/ })).toContainText('kb5:\\xfe');
  expect(await mainRedis.exists(twinA)).toBe(0);
  expect(await mainRedis.exists(twinB)).toBe(1);
  await page.goto('/audit');
  await expect(page.getByTestId('audit-table')).toContainText('key.delete');
});

test('an admin sets and removes a TTL', async ({ page, mainRedis }) => {
  await mainRedis.set('kb6:ttl', 'x');
  await page.goto(keysPage(`q=kb6%3A&key=${encodeURIComponent(Buffer.from('kb6:ttl').toString('base64'))}`));
  await expect(page.getByTestId('key-ttl')).toHaveText('no TTL');
  await page.getByLabel('New TTL').fill('2');
  await page.getByLabel('Unit').selectOption('h');
  await page.getByRole('button', { name: 'Set TTL' }).click();
  await expect(page.getByTestId('key-ttl')).toHaveText(/1 h 59 min|2 h/);
  expect(await mainRedis.pttl('kb6:ttl')).toBeGreaterThan(7_000_000);
  await page.getByRole('button', { name: 'Remove TTL' }).click();
  await expect(page.getByTestId('key-ttl')).toHaveText('no TTL');
  expect(await mainRedis.pttl('kb6:ttl')).toBe(-1);
});

test.describe('a vanished key', () => {
  // The detail read of the vanished key answers 404 on purpose.
  test.use({ expectedStatuses: [401, 404] });

  test('says so and leaves the list', async ({ page, mainRedis }) => {
  await mainRedis.mset('kb7:stays', '1', 'kb7:goes', '2');
  await page.goto(keysPage('q=kb7%3A'));
  await expect(page.getByRole('listbox', { name: /Keys, 2 listed/ })).toBeVisible();
  await mainRedis.del('kb7:goes');
  await page.getByRole('listbox').getByRole('option', { name: /kb7:goes/ }).click();
  await expect(page.getByText('This key no longer exists')).toBeVisible();
  await expect(page.getByRole('listbox', { name: /Keys, 1 listed/ })).toBeVisible();
  });
});

test.describe('as a viewer', () => {
  test.use({ signInAs: 'viewer' });

  test('keys can be read but not deleted or expired', async ({ page, mainRedis }) => {
    await mainRedis.set('kb8:read-only', 'x');
    await page.goto(keysPage(`q=kb8%3A&key=${encodeURIComponent(Buffer.from('kb8:read-only').toString('base64'))}`));
    await expect(page.getByTestId('key-detail-name')).toHaveText('kb8:read-only');
    await expect(page.getByTestId('string-value')).toHaveText('x');
    await expect(page.getByRole('button', { name: 'Delete key…' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Set TTL' })).toHaveCount(0);
  });
});

test('100,000 listed keys stay a handful of DOM rows, and the keyboard reaches the last one', async ({ page, mainRedis }) => {
  test.setTimeout(120_000);
  // A db no other spec writes to (the fleet spec puts a key in db 5).
  await mainRedis.select(9);
  await mainRedis.flushdb();
  await mainRedis.call('DEBUG', 'POPULATE', '100000', 'kb9');
  try {
    await page.goto(keysPage('db=9'));
    await expect(page.getByTestId('scan-progress')).toContainText('Scanned');
    await page.getByRole('button', { name: 'Scan all' }).click();
    await expect(page.getByTestId('scan-progress')).toContainText('Scan complete: 100,000 keys listed', { timeout: 90_000 });
    const list = page.getByRole('listbox', { name: 'Keys, 100,000 listed' });
    expect(await list.getByRole('option').count()).toBeLessThan(60);
    await list.focus();
    const started = Date.now();
    await page.keyboard.press('End');
    await expect(list.locator('[aria-posinset="100000"]')).toBeVisible();
    expect(Date.now() - started).toBeLessThan(2_000);
    for (let i = 0; i < 20; i += 1) await page.keyboard.press('PageUp');
    await expect(list.locator('[data-active="true"]')).toBeVisible();
    expect(await list.getByRole('option').count()).toBeLessThan(60);
  } finally {
    await mainRedis.flushdb();
    await mainRedis.select(0);
  }
});
