import { expect, test } from './support/fixtures';

// The e2e Redis Cluster (3 masters, 3 replicas), instance e2e-cluster: its page is the cluster as
// a whole and its nodes, each node's page says which cluster it belongs to.
const nodeId = (port: number) => `e2e-cluster.127-0-0-1-${port}`;

test('the cluster page shows the whole, its state and its 6 nodes, each linking to its own page and back', async ({ page, servers }) => {
  await page.goto('/instances/e2e-cluster');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E2E cluster');
  await expect(page.getByTestId('cluster-badge')).toHaveText('Redis Cluster');
  const whole = page.getByTestId('cluster-whole');
  await expect(whole.getByTestId('cluster-state')).toContainText('cluster_state: ok');
  await expect(whole.getByTestId('cluster-slots')).toHaveText('16,384 of 16,384 slots ok');
  // Figures with their units once the sampler (every second here) has summed the nodes.
  await expect(whole.getByTestId('cluster-memory')).toHaveText(/^[\d.,]+ (B|KiB|MiB|GiB)$/);
  await expect(whole.getByTestId('cluster-keys')).toHaveText(/^[\d,]+$/);
  await expect(whole.getByTestId('cluster-ops')).toHaveText(/^[\d.,]+ ops\/s$/);
  await expect(whole.getByTestId('cluster-nodes-up')).toHaveText('6 of 6 up');

  const rows = page.getByTestId('cluster-node');
  await expect(rows).toHaveCount(6);
  await expect(page.locator('[data-testid="cluster-node"][data-role="master"]')).toHaveCount(3);
  await expect(page.locator('[data-testid="cluster-node"][data-role="replica"]')).toHaveCount(3);
  for (const port of servers.cluster.ports) {
    await expect(page.getByRole('link', { name: `127.0.0.1:${port}`, exact: true })).toHaveAttribute('href', `/instances/${nodeId(port)}`);
  }
  await expect(rows.filter({ hasText: 'replica of 127.0.0.1:' })).toHaveCount(3);
  await expect(rows.first()).toContainText('0-5460 (5,461 slots)');
  await expect(rows.first()).toContainText(/[\d.,]+ (B|KiB|MiB)/);
  // A replica's link to its master, from its own INFO.
  await expect(page.locator('[data-testid="cluster-node"][data-role="replica"]').first()).toContainText(/up, last I\/O/);

  // The cluster's pages are those that answer for the whole; per-node pages are the nodes'.
  const nav = page.getByRole('navigation', { name: 'Instance pages' });
  for (const name of ['Browse keys', 'Slow log', 'Keyspace analysis', 'Config audit', 'Weekly report']) await expect(nav.getByRole('link', { name })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Latency' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Clients' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Commands' })).toHaveCount(0);
  await expect(page.getByTestId('health-list')).toBeVisible();

  // A node's page: its INFO, and the way back to its cluster.
  const port = servers.cluster.ports[0]!;
  await page.getByRole('link', { name: `127.0.0.1:${port}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/instances/${nodeId(port).replace(/\./g, '\\.')}$`));
  const crumbs = page.getByTestId('cluster-crumbs');
  await expect(crumbs).toContainText('A node of cluster E2E cluster');
  await expect(page.getByTestId('keyspace-table')).toBeVisible();
  await crumbs.getByRole('link', { name: 'E2E cluster' }).click();
  await expect(page).toHaveURL(/\/instances\/e2e-cluster$/);
  await expect(page.getByTestId('cluster-node')).toHaveCount(6);
});

test('the cluster\'s history, findings and events answer for the whole, not 400', async ({ api }) => {
  for (const path of ['cluster', 'health', 'metrics', 'events', 'changes']) {
    const response = await api.get(`/api/instances/e2e-cluster/${path}`);
    expect(response.status(), path).toBe(200);
  }
  const body = await (await api.get('/api/instances/e2e-cluster/cluster')).json();
  expect(body.nodes).toHaveLength(6);
  expect(body.state.state).toBe('ok');
  // A per-node view on the cluster still says to ask a node; the cluster view on a plain instance is a 400.
  expect((await api.get('/api/instances/e2e-cluster/info')).status()).toBe(400);
  const plain = await api.get('/api/instances/e2e-main/cluster');
  expect(plain.status()).toBe(400);
  expect((await plain.json()).error.code).toBe('BAD_REQUEST');
});
