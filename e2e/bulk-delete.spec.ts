// Bulk delete by pattern as an admin does it from the key browser: the filter's pattern in the
// dialog, a dry run that counts and lists, the count typed to confirm, the delete, its outcome and
// toast; exactly the matching keys go, their twins of other namespaces stay. A viewer gets no
// such button.
import { expect, test } from './support/fixtures';

const KEYS = 300;

test('an admin deletes every key of a pattern after a dry run, and only those', async ({ page, mainRedis }) => {
  const seeding = mainRedis.pipeline();
  for (let i = 0; i < KEYS; i++) seeding.set(`e2ebulk:${i}`, 'v').set(`e2ebulkx:${i}`, 'v');
  seeding.set('xe2ebulk:1', 'v').hset('e2ebulk-hash', 'f', 'v');
  await seeding.exec();

  await page.goto('/instances/e2e-main/keys?q=e2ebulk%3A*&mode=glob');
  await expect(page.getByRole('listbox', { name: /Keys, \d+ listed/ })).toBeVisible();
  const opener = page.getByRole('button', { name: 'Delete matching keys…' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Delete matching keys in db0' });
  await expect(dialog).toBeVisible();
  // The browser's filter, as SCAN MATCH has it; no delete offered before a dry run.
  await expect(dialog.getByLabel('Pattern')).toHaveValue('e2ebulk:*');
  await expect(dialog.getByRole('button', { name: /^Delete \d/ })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'Dry run' }).click();
  await expect(dialog.getByTestId('bulk-delete-count')).toHaveText(`${KEYS} keys match`);
  const names = dialog.getByTestId('bulk-delete-names').getByRole('listitem');
  await expect(names).toHaveCount(100);
  for (const name of await names.allTextContents()) expect(name).toMatch(/^e2ebulk:\d+$/);
  // A dry run deletes nothing.
  expect(await mainRedis.exists(...Array.from({ length: KEYS }, (_, i) => `e2ebulk:${i}`))).toBe(KEYS);

  const remove = dialog.getByRole('button', { name: `Delete ${KEYS} keys` });
  await expect(remove).toBeDisabled();
  const confirm = dialog.getByLabel(`Type ${KEYS} to confirm`);
  await confirm.fill(String(KEYS - 1));
  await expect(remove).toBeDisabled();
  // Another pattern than the one counted: the delete is gone until a new dry run.
  await dialog.getByLabel('Pattern').fill('e2ebulk*');
  await expect(remove).toHaveCount(0);
  await dialog.getByLabel('Pattern').fill('e2ebulk:*');
  await confirm.fill(String(KEYS));
  await expect(remove).toBeEnabled();
  await remove.click();

  await expect(dialog.getByTestId('bulk-delete-outcome')).toContainText(`Deleted ${KEYS} keys, skipped 0, 0 errors`);
  await expect(page.getByTestId('toast')).toContainText(`Deleted ${KEYS} keys matching e2ebulk:* (db0)`);
  expect(await mainRedis.exists(...Array.from({ length: KEYS }, (_, i) => `e2ebulk:${i}`))).toBe(0);
  expect(await mainRedis.exists(...Array.from({ length: KEYS }, (_, i) => `e2ebulkx:${i}`))).toBe(KEYS);
  expect(await mainRedis.exists('xe2ebulk:1', 'e2ebulk-hash')).toBe(2);

  // Escape closes the dialog and gives focus back to its button; the list has caught up.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  await expect(page.getByText('No keys match')).toBeVisible();
});

test.describe('as a viewer', () => {
  test.use({ signInAs: 'viewer' });

  test('no bulk delete is offered', async ({ page, mainRedis }) => {
    await mainRedis.set('e2ebulkv:1', 'v');
    await page.goto('/instances/e2e-main/keys?q=e2ebulkv%3A*&mode=glob');
    await expect(page.getByRole('listbox', { name: /Keys, 1 listed/ })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete matching keys…' })).toHaveCount(0);
  });
});
