import { expect, test } from './support/fixtures';

test.describe('API contract', () => {
  test('healthz answers without Redis', async ({ api }) => {
    const response = await api.get('/api/healthz');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
  });

  test('instances lists both Redis servers and the cluster with its 6 nodes without any URL or password', async ({ api, servers }) => {
    const response = await api.get('/api/instances');
    expect(response.status()).toBe(200);
    const body = await response.json();
    type Listed = { id: string; status: string; memberOf?: { clusterId: string; clusterName: string } };
    const instances: Listed[] = body.instances;
    expect(instances.filter((instance) => !instance.memberOf).map((instance) => [instance.id, instance.status])).toEqual([
      ['e2e-main', 'up'],
      ['e2e-second', 'up'],
      ['e2e-cluster', 'up'],
    ]);
    // Each node of the cluster is an instance of its own, with the cluster it belongs to.
    const nodes = instances.filter((instance) => instance.memberOf);
    expect(nodes.map((node) => node.id).sort()).toEqual(servers.cluster.ports.map((port) => `e2e-cluster.127-0-0-1-${port}`).sort());
    for (const node of nodes) {
      expect(node.status).toBe('up');
      expect(node.memberOf).toEqual({ clusterId: 'e2e-cluster', clusterName: 'E2E cluster' });
    }
    expect(JSON.stringify(body)).not.toContain('redis://');
  });

  for (const [path, status, code] of [
    ['/api/instances/no-such-instance/info', 404, 'NOT_FOUND'],
    ['/api/instances/%3Cscript%3E/info', 404, 'NOT_FOUND'],
  ] as const) {
    test(`GET ${path} is ${status} ${code}`, async ({ api }) => {
      const response = await api.get(path);
      expect(response.status()).toBe(status);
      expect((await response.json()).error.code).toBe(code);
    });
  }

  test.describe('an unknown instance page', () => {
    test.use({ expectedStatuses: [404] });
    test('answers 404 and says no such instance is configured', async ({ page }) => {
      const response = await page.goto('/instances/nope');
      expect(response!.status()).toBe(404);
      await expect(page.getByText(/nope/).first()).toBeVisible();
    });
  });

  test('info returns numbers as numbers', async ({ api, mainRedis }) => {
    await mainRedis.set('e2e:api:numbers', '1');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the shared INFO answer
    const body = await (await api.get('/api/instances/e2e-main/info')).json();
    expect(typeof body.sections.server.uptime_in_seconds).toBe('number');
    expect(typeof body.derived.memory.usedBytes).toBe('number');
    expect(body.sections.keyspace.db0.keys).toBeGreaterThan(0);
  });
});

test.describe('security headers', () => {
  test('pages carry a CSP with a nonce and frame-ancestors none; the API is no-store', async ({ page, api }) => {
    const response = await page.goto('/');
    const headers = response!.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');

    const apiHeaders = (await api.get('/api/instances')).headers();
    expect(apiHeaders['cache-control']).toBe('no-store');
    expect(apiHeaders['x-content-type-options']).toBe('nosniff');
    expect(apiHeaders['access-control-allow-origin']).toBeUndefined();
  });

  test('every API route but healthz and login answers 401 without credentials', async ({ playwright, baseURL }) => {
    const anonymous = await playwright.request.newContext({ baseURL });
    for (const path of ['/api/instances', '/api/instances/e2e-main/info', '/api/auth/me', '/api/audit']) {
      expect((await anonymous.get(path)).status(), path).toBe(401);
    }
    expect((await anonymous.post('/api/auth/logout', { headers: { origin: baseURL! } })).status()).toBe(401);
    expect((await anonymous.get('/api/healthz')).status()).toBe(200);
    const token = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: 'Bearer e2e-api-token' } });
    expect((await token.get('/api/instances')).status()).toBe(200);
    expect((await token.get('/api/audit')).status()).toBe(403);
    await anonymous.dispose();
    await token.dispose();
  });
});
