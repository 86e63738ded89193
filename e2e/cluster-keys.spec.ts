// The key browser on a Redis Cluster (instance e2e-cluster, 3 masters and 3 replicas): it lists
// keys written to every master, each row naming the node it lives on (readable on a phone), the
// db fixed to 0, and a key opens with the node it is on linked to that node's page.
import { Cluster } from 'ioredis';
import { expect, test } from './support/fixtures';

const KEYS = Array.from({ length: 24 }, (_, i) => `ck:order:${i}`);

test('lists keys of every master with their node, and opens one on its node', async ({ page, servers }) => {
  const client = new Cluster(servers.cluster.ports.map((port) => ({ host: '127.0.0.1', port })), { lazyConnect: true, redisOptions: { maxRetriesPerRequest: 1 } });
  client.on('error', () => undefined);
  await client.connect();
  try {
    await Promise.all(KEYS.map((key, i) => client.set(key, `order ${i}`)));
    // The master of each key, as the cluster says (CLUSTER KEYSLOT, then its slot table).
    const masterOf = new Map<string, string>();
    for (const key of KEYS) {
      const slot = (await client.cluster('KEYSLOT', key)) as number;
      masterOf.set(key, client.slots[slot]![0]!);
    }
    expect(new Set(masterOf.values()).size).toBe(3);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/instances/e2e-cluster/keys');
    await expect(page.getByTestId('key-filters').getByLabel('Database')).toBeDisabled();
    await expect(page.getByTestId('cluster-note')).toContainText('3 masters');
    await page.getByLabel('Key name').fill('ck:order:');
    await page.getByRole('button', { name: 'Search' }).click();
    const list = page.getByRole('listbox', { name: new RegExp(`Keys, ${KEYS.length} listed`) });
    await expect(list).toBeVisible();
    await expect(page.getByTestId('scan-progress')).toContainText('Scan complete');

    // Each row names its master: its port on a phone, in full from sm up.
    const row = list.getByRole('option', { name: /ck:order:7\b/ });
    const port = masterOf.get('ck:order:7')!.split(':')[1]!;
    const badge = row.getByTestId('row-node');
    await expect(badge.getByText(`:${port}`, { exact: true })).toBeVisible();
    await expect(badge.getByText(masterOf.get('ck:order:7')!, { exact: true })).toBeHidden();
    expect((await badge.boundingBox())!.x + (await badge.boundingBox())!.width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    for (const key of ['ck:order:1', 'ck:order:2', 'ck:order:3', 'ck:order:7']) {
      const shown = list.getByRole('option', { name: new RegExp(`${key}\\b`) }).getByTestId('row-node');
      await expect(shown.getByText(masterOf.get(key)!, { exact: true })).toBeVisible();
    }

    await row.click();
    const detail = page.getByTestId('key-detail');
    await expect(detail.getByTestId('key-detail-name')).toHaveText('ck:order:7');
    await expect(detail.getByTestId('string-value')).toContainText('order 7');
    // The node's own page: its registry id (lib/redis/registry.ts clusterNodeId).
    const node = detail.getByTestId('key-detail-node');
    await expect(node).toHaveText(`on node ${masterOf.get('ck:order:7')}`);
    await expect(node.getByRole('link')).toHaveAttribute('href', `/instances/e2e-cluster.127-0-0-1-${port}`);
  } finally {
    await Promise.all(KEYS.map((key) => client.del(key)));
    client.disconnect();
  }
});

test('"scan all" streams the keys of every master, and the rows on screen name their node', async ({ page, servers }) => {
  const client = new Cluster(servers.cluster.ports.map((port) => ({ host: '127.0.0.1', port })), { lazyConnect: true, redisOptions: { maxRetriesPerRequest: 1 } });
  client.on('error', () => undefined);
  await client.connect();
  const names = Array.from({ length: 1200 }, (_, i) => `ck:many:${i}`);
  try {
    await Promise.all(names.map((name) => client.set(name, 'x')));
    await page.goto('/instances/e2e-cluster/keys?q=ck%3Amany%3A');
    // One page holds at most 500: the paged listing stops part-way through the masters.
    await expect(page.getByTestId('scan-progress')).toContainText('More keys may exist');
    await page.getByRole('button', { name: 'Scan all' }).click();
    await expect(page.getByTestId('scan-progress')).toContainText('Scan complete: 1,200 keys listed');
    const firstRow = page.getByRole('listbox').getByRole('option').first();
    await expect(firstRow.getByTestId('row-node')).toBeVisible();
    await expect(firstRow.getByTestId('row-node')).toHaveAttribute('title', /^on node 127\.0\.0\.1:\d+$/);
  } finally {
    await Promise.all(names.map((name) => client.del(name)));
    client.disconnect();
  }
});
