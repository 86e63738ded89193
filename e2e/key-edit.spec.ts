// An admin edits keys from the key browser: a hash field through its row's Edit button, a set
// member through Add a member, a rename (and a rename that would overwrite, refused). Redis must
// hold exactly the change, and a toast says what was done. Each test seeds its own keys.
import { expect, test } from './support/fixtures';

test.use({ expectedStatuses: [401, 409, 503, 504] }); // the refused rename answers 409

const keysPage = (query: string) => `/instances/e2e-main/keys?${query}`;
const b64 = (name: string) => Buffer.from(name).toString('base64');
const openKey = (prefix: string, name: string) => keysPage(`q=${encodeURIComponent(prefix)}&key=${encodeURIComponent(b64(name))}`);
/** Names no other spec (or an earlier run against the same Redis) uses. */
const unique = () => `kedit-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;

test('an admin edits a hash field from its row', async ({ page, mainRedis }) => {
  const prefix = unique();
  const key = `${prefix}:recipe`;
  await mainRedis.hset(key, 'title', 'Smoky Tofu Bowl', 'servings', '2');
  await page.goto(openKey(prefix, key));
  await expect(page.getByTestId('key-detail-name')).toHaveText(key);

  await page.getByRole('button', { name: 'Edit field title' }).click();
  const form = page.getByRole('form', { name: 'Edit a field' });
  await expect(form.getByLabel('Field', { exact: true })).toHaveValue('title');
  const value = form.getByLabel('Value', { exact: true });
  await expect(value).toHaveValue('Smoky Tofu Bowl');
  await expect(value).toBeFocused();
  await value.fill('Smoky Tofu Stew');
  await expect(form.getByTestId('bytes-preview').last()).toContainText('15 bytes');
  await form.getByRole('button', { name: 'Set field' }).click();

  await expect(page.getByTestId('toast')).toContainText(`Set field title of ${key} (db0)`);
  await expect(form).toBeHidden();
  await expect(page.getByTestId('hash-value')).toContainText('Smoky Tofu Stew');
  expect(await mainRedis.hgetall(key)).toEqual({ title: 'Smoky Tofu Stew', servings: '2' });

  // Escape closes an open edit and writes nothing.
  await page.getByRole('button', { name: 'Edit field servings' }).click();
  await page.getByRole('form', { name: 'Edit a field' }).getByLabel('Value', { exact: true }).fill('99');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('form', { name: 'Edit a field' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit field servings' })).toBeFocused();
  expect(await mainRedis.hget(key, 'servings')).toBe('2');
});

test('an admin adds a set member', async ({ page, mainRedis }) => {
  const prefix = unique();
  const key = `${prefix}:tags`;
  await mainRedis.sadd(key, 'vegan', 'keto');
  await page.goto(openKey(prefix, key));
  await expect(page.getByTestId('key-detail-name')).toHaveText(key);

  await page.getByRole('button', { name: 'Add a member…' }).click();
  const form = page.getByRole('form', { name: 'Add a member' });
  await form.getByLabel('Member', { exact: true }).fill('gluten-free');
  await form.getByRole('button', { name: 'Add member' }).click();

  await expect(page.getByTestId('toast')).toContainText(`Added member gluten-free to ${key} (db0)`);
  await expect(page.getByTestId('set-value')).toContainText('gluten-free');
  expect((await mainRedis.smembers(key)).sort()).toEqual(['gluten-free', 'keto', 'vegan']);
});

test('an admin renames a key, and a rename never overwrites', async ({ page, mainRedis }) => {
  const prefix = unique();
  const from = `${prefix}:draft`;
  const to = `${prefix}:final`;
  const taken = `${prefix}:taken`;
  await mainRedis.set(from, 'the recipe', 'EX', 3600);
  await mainRedis.set(taken, 'someone else');
  await page.goto(openKey(prefix, from));
  await expect(page.getByTestId('key-detail-name')).toHaveText(from);

  // Onto an existing name: refused, both keys as they were.
  await page.getByRole('button', { name: 'Rename…' }).click();
  let form = page.getByRole('form', { name: 'Rename the key' });
  await form.getByLabel('New name', { exact: true }).fill(taken);
  await form.getByRole('button', { name: 'Rename' }).click();
  await expect(form.getByRole('alert')).toContainText('never overwrites');
  expect(await mainRedis.get(taken)).toBe('someone else');
  expect(await mainRedis.get(from)).toBe('the recipe');

  await form.getByLabel('New name', { exact: true }).fill(to);
  await expect(form.getByTestId('rename-preview')).toContainText(`${from} becomes ${to}`);
  await form.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByTestId('toast').last()).toContainText(`Renamed ${from} to ${to} (db0)`);
  form = page.getByRole('form', { name: 'Rename the key' });
  await expect(form).toBeHidden();
  expect(await mainRedis.exists(from)).toBe(0);
  expect(await mainRedis.get(to)).toBe('the recipe');
  expect(await mainRedis.ttl(to)).toBeGreaterThan(3500);
  expect(await mainRedis.get(taken)).toBe('someone else');
  // The old name has left the list.
  await expect(page.getByRole('listbox')).not.toContainText(from);
});

test('an admin replaces a string as JSON after a review, its TTL kept; delete says so too', async ({ page, mainRedis }) => {
  const prefix = unique();
  const key = `${prefix}:doc`;
  await mainRedis.set(key, '{"kcal":420}', 'EX', 3600);
  await page.goto(openKey(prefix, key));
  await expect(page.getByTestId('key-detail-name')).toHaveText(key);

  await page.getByRole('button', { name: 'Edit value…' }).click();
  const form = page.getByRole('form', { name: 'Edit the value' });
  const value = form.getByLabel('New value', { exact: true });
  // JSON opens pretty-printed, in JSON mode, and is checked as it is typed.
  await expect(value).toHaveValue('{\n  "kcal": 420\n}');
  await value.fill('{"kcal": 380,');
  await expect(form.getByRole('alert')).toContainText('Not valid JSON');
  await expect(form.getByRole('button', { name: 'Review…' })).toBeDisabled();
  await value.fill('{"kcal":380}');
  await form.getByRole('button', { name: 'Format' }).click();
  await expect(value).toHaveValue('{\n  "kcal": 380\n}');
  await form.getByRole('button', { name: 'Review…' }).click();
  await expect(form.getByTestId('bytes-preview')).toContainText('17 bytes');
  await form.getByRole('button', { name: 'Write 17 bytes' }).click();

  await expect(page.getByTestId('toast')).toContainText(`Set the value of ${key} (db0)`);
  expect(await mainRedis.get(key)).toBe('{\n  "kcal": 380\n}');
  expect(await mainRedis.ttl(key)).toBeGreaterThan(3500);

  await page.getByRole('button', { name: 'Delete key…' }).click();
  await page.getByRole('dialog', { name: 'Delete this key?' }).getByRole('button', { name: 'Delete key' }).click();
  await expect(page.getByTestId('toast').last()).toContainText(`Deleted ${key} (db0)`);
  expect(await mainRedis.exists(key)).toBe(0);
});

test('an admin creates a key with a TTL; an existing name is refused', async ({ page, mainRedis }) => {
  const prefix = unique();
  const anchor = `${prefix}:anchor`;
  const fresh = `${prefix}:fresh`;
  await mainRedis.set(anchor, 'here');
  await page.goto(openKey(prefix, anchor));
  await expect(page.getByTestId('key-detail-name')).toHaveText(anchor);

  await page.getByRole('button', { name: 'New key…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New key in db0' });
  await dialog.getByLabel('Type', { exact: true }).selectOption('hash');
  await dialog.getByLabel('Name', { exact: true }).fill(anchor);
  await dialog.getByLabel('First field', { exact: true }).fill('title');
  await dialog.getByLabel('Its value', { exact: true }).fill('Soup');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(dialog.getByRole('alert')).toContainText('exists');
  expect(await mainRedis.get(anchor)).toBe('here');

  await dialog.getByLabel('Name', { exact: true }).fill(fresh);
  await dialog.getByLabel('TTL (optional)').fill('2');
  await dialog.getByLabel('Unit', { exact: true }).selectOption('h');
  await dialog.getByRole('button', { name: 'Create key' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('toast')).toContainText(`Created hash ${fresh} with a TTL of 2 h (db0)`);
  expect(await mainRedis.hgetall(fresh)).toEqual({ title: 'Soup' });
  expect(await mainRedis.ttl(fresh)).toBeGreaterThan(7100);
});
