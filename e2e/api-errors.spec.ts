import { expect, test } from './support/fixtures';

test.describe('API contract', () => {
  test('healthz answers without Redis', async ({ request }) => {
    const response = await request.get('/api/healthz');
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
  });

  test('instances lists both Redis servers without any URL or password', async ({ request }) => {
    const response = await request.get('/api/instances');
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.instances.map((instance: { id: string; status: string }) => [instance.id, instance.status])).toEqual([
      ['e2e-main', 'up'],
      ['e2e-second', 'up'],
    ]);
    expect(JSON.stringify(body)).not.toContain('redis://');
  });

  for (const [path, status, code] of [
    ['/api/instances/no-such-instance/info', 404, 'NOT_FOUND'],
    ['/api/instances/%3Cscript%3E/info', 404, 'NOT_FOUND'],
  ] as const) {
    test(`GET ${path} is ${status} ${code}`, async ({ request }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(status);
      expect((await response.json()).error.code).toBe(code);
    });
  }

  test('info returns numbers as numbers', async ({ request, mainRedis }) => {
    await mainRedis.set('e2e:api:numbers', '1');
    await new Promise((resolve) => setTimeout(resolve, 1100)); // past the shared INFO answer
    const body = await (await request.get('/api/instances/e2e-main/info')).json();
    expect(typeof body.sections.server.uptime_in_seconds).toBe('number');
    expect(typeof body.derived.memory.usedBytes).toBe('number');
    expect(body.sections.keyspace.db0.keys).toBeGreaterThan(0);
  });
});
