import Redis, { Cluster } from 'ioredis';
import { expect, test } from './support/fixtures';

// The e2e Redis Cluster (instance e2e-cluster, 3 masters and 3 replicas): its slow log merges
// every node's with the node in a column and resets them all, each node audited; its config page
// lists each node's audit, linked to the node's own page; its analysis walks every master.
const nodeId = (port: number) => `e2e-cluster.127-0-0-1-${port}`;
const marker = (port: number) => `e2e-cluster-marker-${port}`;

test('the cluster slow log merges its nodes with a Node column, and an admin resets all nodes', async ({ page, servers, api }) => {
  const clients = servers.cluster.ports.map((port) => new Redis({ host: '127.0.0.1', port, maxRetriesPerRequest: 1 }));
  try {
    // Every command logged on every node, then one ECHO naming the node.
    for (const [i, client] of clients.entries()) {
      await client.config('SET', 'slowlog-log-slower-than', '0');
      await client.echo(marker(servers.cluster.ports[i]!));
    }
    await page.goto('/instances/e2e-cluster/slowlog');
    await expect(page.getByRole('heading', { name: 'Slow log' })).toBeVisible();
    await expect(page.getByTestId('slowlog-cluster-node')).toHaveCount(6);
    for (const port of servers.cluster.ports) {
      const row = page.getByTestId('slowlog-row').filter({ hasText: marker(port) });
      await expect(row).toHaveCount(1);
      const node = row.getByTestId('slowlog-row-node').getByRole('link');
      await expect(node).toHaveText(`127.0.0.1:${port}`);
      await expect(node).toHaveAttribute('href', `/instances/${nodeId(port)}/slowlog`);
    }
    // The node filter keeps one node's entries.
    const [first, second] = servers.cluster.ports as [number, number];
    await page.getByLabel('Node', { exact: true }).selectOption(`127.0.0.1:${second}`);
    await expect(page).toHaveURL(new RegExp(`node=127\\.0\\.0\\.1%3A${second}`));
    await expect(page.getByTestId('slowlog-row').filter({ hasText: marker(first) })).toHaveCount(0);
    await expect(page.getByTestId('slowlog-row').filter({ hasText: marker(second) })).toHaveCount(1);
    await expect(page.getByTestId('slowlog-row-node').filter({ hasNotText: `127.0.0.1:${second}` })).toHaveCount(0);
    await page.getByLabel('Node', { exact: true }).selectOption('');
    await expect(page.getByTestId('slowlog-row').filter({ hasText: marker(first) })).toHaveCount(1);

    // The per-node reset is on the node's own page: here only "Reset all nodes".
    await expect(page.getByTestId('slowlog-reset-button')).toHaveCount(0);

    await page.getByTestId('slowlog-reset-all-button').click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Reset the slow log of all 6 nodes?');
    await dialog.getByTestId('slowlog-reset-all-confirm').click();
    await expect(dialog.getByTestId('slowlog-reset-all-node')).toHaveCount(6);
    await expect(dialog.getByTestId('slowlog-reset-all-node').filter({ hasText: /: reset, \d+ entr(y|ies) archived$/ })).toHaveCount(6);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(page.getByTestId('slowlog-reset-all-done')).toHaveText(/^Reset 6 nodes; \d+ entries archived\.$/);
    await expect(page.getByTestId('slowlog-row').filter({ hasText: 'e2e-cluster-marker-' })).toHaveCount(0);

    const audit = await (await api.get('/api/audit?action=slowlog.reset&limit=6')).json();
    expect(audit.entries.map((entry: { instance: string }) => entry.instance).sort()).toEqual(servers.cluster.ports.map(nodeId).sort());
    expect(audit.entries.every((entry: { actor: string; outcome: string }) => entry.actor === 'admin' && entry.outcome === 'ok')).toBe(true);

    // The archive tab keeps each node's entries, with the node.
    await page.getByTestId('slowlog-tab-archive').click();
    const archived = page.getByTestId('slowlog-row').filter({ hasText: marker(servers.cluster.ports[0]!) });
    await expect(archived.getByTestId('slowlog-row-node')).toHaveText(`127.0.0.1:${servers.cluster.ports[0]}`);
  } finally {
    for (const client of clients) {
      await client.config('SET', 'slowlog-log-slower-than', '10000');
      client.disconnect();
    }
  }
});

test('the cluster config page lists each node’s audit, linked to its own config page', async ({ page, servers }) => {
  await page.goto('/instances/e2e-cluster/config');
  await expect(page.getByRole('heading', { name: 'Config audit' })).toBeVisible();
  await expect(page.getByTestId('cluster-config-node')).toHaveCount(6);
  const port = servers.cluster.ports[0]!;
  await page.getByTestId('cluster-config-nodes').getByRole('link', { name: `127.0.0.1:${port}`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/instances/${nodeId(port).replace(/\./g, '\\.')}/config$`));
  await expect(page.getByTestId('config-audit-row')).toHaveCount(29);
});

test('the cluster analysis walks its three masters and counts every key', async ({ page, servers }) => {
  const client = new Cluster(servers.cluster.ports.map((port) => ({ host: '127.0.0.1', port })), { redisOptions: { maxRetriesPerRequest: 1 } });
  const names = Array.from({ length: 300 }, (_, i) => `e2e-cluster-analysis:${i}`);
  try {
    for (const name of names) await client.set(name, 'v');
    const sizes = await Promise.all(client.nodes('master').map((node) => node.dbsize()));
    const total = sizes.reduce((sum, size) => sum + size, 0);
    await page.goto('/instances/e2e-cluster/analysis');
    const form = page.getByRole('form', { name: 'Start an analysis' });
    await form.getByRole('button', { name: 'Start analysis' }).click();
    await expect(page.getByTestId('analysis-run')).toHaveAttribute('data-status', 'done', { timeout: 50_000 });
    await expect(page.getByTestId('analysis-total-keys')).toHaveText(total.toLocaleString('en-US'));
    await expect(page.getByTestId('analysis-cluster-masters')).toContainText('3 of 3 masters walked');
    await expect(page.getByTestId('analysis-cluster-node')).toHaveCount(3);
  } finally {
    for (const name of names) await client.del(name);
    client.disconnect();
  }
});
