// Every page of the dashboard once, for the specs that hold all of them to a rule (axe in both
// themes, no horizontal scroll at 390 px). The key browser opens with a key whose name is long.
import type { Page } from '@playwright/test';
import type Redis from 'ioredis';
import { expect } from './fixtures';

/** A key name far wider than a phone, with the separators a real one has. */
export const LONG_KEY = 'pages:tenant:meal-planner:weekly-menu:2026-12-03:user:48151623:recommendations:vegetarian:gluten-free:v2';

export interface DashboardPage {
  name: string;
  path: string;
  /** Seen once the page has its data (not a skeleton). */
  ready: (page: Page) => Promise<void>;
}

const b64 = (text: string) => Buffer.from(text).toString('base64');
const heading = (name: string | RegExp) => async (page: Page) => {
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
};

export const DASHBOARD_PAGES: DashboardPage[] = [
  { name: 'overview', path: '/', ready: async (page) => expect(page.getByRole('link', { name: /E2E main/ }).first()).toBeVisible() },
  { name: 'instance', path: '/instances/e2e-main', ready: async (page) => expect(page.getByTestId('chart-usedMemory')).toBeVisible() },
  {
    name: 'keys with a key open',
    path: `/instances/e2e-main/keys?q=${encodeURIComponent('pages:')}&key=${encodeURIComponent(b64(LONG_KEY))}`,
    ready: async (page) => expect(page.getByTestId('key-detail-name')).toHaveText(LONG_KEY),
  },
  { name: 'slow log live', path: '/instances/e2e-main/slowlog', ready: heading(/Slow log/) },
  { name: 'slow log archive', path: '/instances/e2e-main/slowlog?view=archive', ready: heading(/Slow log/) },
  { name: 'analysis', path: '/instances/e2e-main/analysis', ready: heading(/analysis/i) },
  { name: 'config', path: '/instances/e2e-main/config', ready: heading(/Config/i) },
  { name: 'config drift', path: '/config-drift', ready: heading(/drift/i) },
  { name: 'commands', path: '/instances/e2e-main/commands', ready: heading(/Commands/) },
  { name: 'latency', path: '/instances/e2e-main/latency', ready: heading(/Latency/) },
  { name: 'clients', path: '/instances/e2e-main/clients', ready: heading(/Clients/) },
  { name: 'audit', path: '/audit', ready: heading(/Audit/) },
  { name: 'instance report', path: '/instances/e2e-main/report', ready: heading(/report/i) },
  { name: 'fleet report', path: '/report', ready: heading(/report/i) },
  { name: 'cluster', path: '/instances/e2e-cluster', ready: async (page) => expect(page.getByText(/E2E cluster/).first()).toBeVisible() },
];

export const LOGIN_PAGE: DashboardPage = {
  name: 'login',
  path: '/login',
  ready: async (page) => expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible(),
};

/** What the pages show: the key browser's keys, and slow log entries (live, then archived). */
export async function seedPages(redis: Redis): Promise<void> {
  await redis.set(LONG_KEY, JSON.stringify({ week: 49, dishes: ['lentil soup', 'tofu bowl'] }));
  await redis.set('pages:short', 'x');
  // A few commands logged as slow, then the threshold as it was (other specs rely on it).
  const [, threshold] = (await redis.config('GET', 'slowlog-log-slower-than')) as [string, string];
  await redis.config('SET', 'slowlog-log-slower-than', '0');
  try {
    await redis.get(LONG_KEY);
    await redis.keys('pages:*');
    await redis.strlen('pages:short');
  } finally {
    await redis.config('SET', 'slowlog-log-slower-than', threshold);
  }
}

/** Opens a page and waits for its data: the page's own sign, then no skeleton left. */
export async function openPage(page: Page, target: DashboardPage): Promise<void> {
  await page.goto(target.path);
  await target.ready(page);
  await expect(page.locator('.animate-pulse')).toHaveCount(0);
}
