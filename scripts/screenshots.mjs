// Retakes the README's screenshots from a running dashboard (for example `npm run demo`):
//   REDLENS_URL=http://127.0.0.1:3000 REDLENS_ADMIN_PASSWORD=... node scripts/screenshots.mjs
// With `--cluster`, against `npm run demo -- --cluster`: only the cluster's pages.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const baseURL = process.env.REDLENS_URL ?? 'http://127.0.0.1:3000';
const password = process.env.REDLENS_ADMIN_PASSWORD;
if (!password) {
  console.error('set REDLENS_ADMIN_PASSWORD to the admin password the dashboard prints');
  process.exit(1);
}
const out = path.resolve(import.meta.dirname, '..', 'public', 'screenshots');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
});
const page = await browser.newPage({ baseURL, viewport: { width: 1280, height: 900 } });
const login = await page.request.post('/api/auth/login', { data: { username: 'admin', password }, headers: { origin: baseURL } });
if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`);

/** Opens `url`, lets its queries and charts settle, and writes public/screenshots/`file`. */
async function shoot(url, file, fullPage) {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(out, file), fullPage });
  console.log(`wrote public/screenshots/${file}`);
}

if (process.argv.includes('--cluster')) {
  await shoot('/instances/default', 'cluster.png', true);
  await shoot('/instances/default/keys', 'cluster-keys.png', false);
  await browser.close();
  process.exit(0);
}

// The analysis page shows the newest run: run one over db 0 first (or wait for the running one).
const started = await page.request.post('/api/instances/default/analysis', { data: { db: 0, mode: 'full' }, headers: { origin: baseURL } });
const startReply = await started.json();
const runId = startReply.id ?? startReply.error?.id;
if (!runId) throw new Error(`the analysis did not start: ${started.status()}`);
for (let status = 'running'; status === 'running'; ) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  status = (await (await page.request.get(`/api/instances/default/analysis/${runId}`)).json()).status;
}

// [url, file, whole page?]: the slow log and key browser are long lists; their top says enough.
const shots = [
  ['/', 'overview.png', true],
  ['/instances/default', 'instance.png', true],
  ['/instances/default/slowlog', 'slowlog.png', false],
  ['/instances/default/keys', 'keys.png', false],
  ['/instances/default/analysis', 'analysis.png', false],
  ['/instances/default/config', 'config.png', false],
  ['/instances/default/commands', 'commands.png', false],
];
for (const [url, file, fullPage] of shots) await shoot(url, file, fullPage);
// Editing: a hash open with one of its fields in the edit form.
const hashKey = Buffer.from('user:7:preferences').toString('base64');
await page.goto(`/instances/default/keys?q=${encodeURIComponent('user:7:preferences')}&mode=exact&key=${encodeURIComponent(hashKey)}`);
await page.getByRole('button', { name: 'Edit field diet' }).click();
await page.waitForTimeout(500);
await page.screenshot({ path: path.join(out, 'keys-edit.png'), fullPage: true });
console.log('wrote public/screenshots/keys-edit.png');
// Bulk delete: the dry run of a namespace, waiting for the count to be typed.
await page.goto(`/instances/default/keys?q=${encodeURIComponent('search:*')}&mode=glob`);
await page.getByRole('button', { name: 'Delete matching keys…' }).click();
const bulk = page.getByRole('dialog', { name: 'Delete matching keys in db0' });
await bulk.getByLabel('Pattern').fill('search:*');
await bulk.getByRole('button', { name: 'Dry run' }).click();
await bulk.getByTestId('bulk-delete-dry-run').waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: path.join(out, 'bulk-delete.png') });
console.log('wrote public/screenshots/bulk-delete.png');
await page.keyboard.press('Escape');

await page.setViewportSize({ width: 390, height: 844 });
await page.goto('/');
await page.waitForTimeout(1500);
await page.screenshot({ path: path.join(out, 'overview-phone.png'), fullPage: true });
console.log('wrote public/screenshots/overview-phone.png');
await browser.close();
