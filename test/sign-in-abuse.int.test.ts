// Sign-in under attack, through the real login handler: the client address is the peer's (as
// Redlens's server passes it), X-Forwarded-For rotation neither dodges the per-address limit nor
// locks the admin out, and a flood of throttled attempts is aggregated into a few capped rows.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '@/lib/audit/audit-log';
import { believePeerHeader, PEER_HEADER } from '@/lib/auth/request-origin';
import { server as redlens } from '@/lib/server/root';
import { call, useAppEnv } from './app-env';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

const ADMIN_PASSWORD = 'abuse-admin-password';
const { POST: login } = await import('@/app/api/auth/login/route');

let server: RedisServer;
let dataDir = '';
beforeAll(async () => {
  server = await startTestRedis();
  ({ dataDir } = useAppEnv({ instances: [{ id: 'a', url: redisUrl(server) }], env: { REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD } }));
  // As under scripts/lib/redlens-server.mjs: the peer address arrives in PEER_HEADER.
  believePeerHeader(true);
});
afterAll(async () => {
  believePeerHeader(false);
  await stopRedis(server, { removeDir: true });
});

const signIn = (password: string, peer: string, xff?: string, username = 'admin') =>
  call(login, 'POST', '/api/auth/login', {
    body: { username, password },
    headers: { [PEER_HEADER]: peer, 'x-forwarded-for': xff },
  });

describe('the client address', () => {
  it('cannot be chosen with X-Forwarded-For: five failures from one peer lock it, whatever the header says', async () => {
    for (let i = 0; i < 5; i++) expect((await signIn(`wrong-${i}`, '198.51.100.1', `203.0.113.${i}`)).status).toBe(401);
    const response = await signIn(ADMIN_PASSWORD, '198.51.100.1', '203.0.113.200');
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(50);
    const audit = listAudit(redlens().store, { action: 'auth.login', outcome: 'denied', limit: 5 });
    expect(new Set(audit.map((entry) => entry.address))).toEqual(new Set(['198.51.100.1']));
  });
});

describe('the throttle cannot be turned against the admin', () => {
  it('25 failures a minute from rotating peers and X-Forwarded-For values do not stop the admin at the usual address', async () => {
    expect((await signIn(ADMIN_PASSWORD, '192.0.2.10')).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await signIn(`guess-${i}`, `10.0.${i}.1`, `10.1.${i}.1`)).status);
    // The flood is checked at first, then slowed (429) once past the username's free failures ...
    expect(statuses[0]).toBe(401);
    expect(statuses.at(-1)).toBe(429);
    // ... and the admin, from where they signed in before, gets in at once.
    expect((await signIn(ADMIN_PASSWORD, '192.0.2.10')).status).toBe(200);
    // From an address never used before, the right password is slowed, not locked: a short Retry-After.
    const elsewhere = await signIn(ADMIN_PASSWORD, '192.0.2.99');
    expect(elsewhere.status).toBe(429);
    expect(Number(elsewhere.headers.get('retry-after'))).toBeLessThanOrEqual(30);
  });
});

describe('the audit of a sign-in flood', () => {
  const storeBytes = () => readdirSync(dataDir)
    .filter((name) => name.startsWith('redlens.db'))
    .reduce((sum, name) => sum + statSync(path.join(dataDir, name)).size, 0);

  it('3,000 throttled sign-ins with a 15 kB X-Forwarded-For add < 1 MB, in one row counting them all', async () => {
    const xff = Array.from({ length: 1100 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.1`).join(', ').slice(0, 15_000);
    for (let i = 0; i < 5; i++) await signIn(`wrong-${i}`, '198.51.100.50', xff, 'flood');
    const before = storeBytes();
    let throttled = 0;
    for (let i = 0; i < 3000; i++) if ((await signIn('wrong', '198.51.100.50', xff, 'flood')).status === 429) throttled += 1;
    expect(throttled).toBe(3000);
    // Repeats reach the store within a second.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const grown = storeBytes() - before;
    console.log(`[sign-in-abuse] 3,000 throttled sign-ins grew the store by ${(grown / 1024).toFixed(1)} KiB`);
    expect(grown).toBeLessThan(1024 * 1024);
    const rows = listAudit(redlens().store, { action: 'auth.login', actor: 'flood', outcome: 'throttled', limit: 100 });
    // One row per minute: two when the run crosses a minute boundary.
    expect(rows.length).toBeLessThanOrEqual(2);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(3000);
    expect(rows[0]!.address).toBe('198.51.100.50');
  });

  it('caps every stored string, with an ellipsis', async () => {
    const { capText, recordAudit, AUDIT_LONG_TEXT_MAX, AUDIT_SHORT_TEXT_MAX } = await import('@/lib/audit/audit-log');
    const id = recordAudit(redlens().store, {
      actor: 'a'.repeat(5000), role: null, address: 'b'.repeat(15_000), instance: 'c'.repeat(300), action: 'd'.repeat(300),
      target: 'e'.repeat(20_000), outcome: 'failed', detail: 'f'.repeat(20_000),
    });
    const [row] = listAudit(redlens().store, { before: id + 1, limit: 1 });
    expect(row!.id).toBe(id);
    for (const field of ['actor', 'address', 'instance', 'action'] as const) {
      expect(row![field]).toHaveLength(AUDIT_SHORT_TEXT_MAX);
      expect(row![field]!.endsWith('…')).toBe(true);
    }
    expect(row!.target).toHaveLength(AUDIT_LONG_TEXT_MAX);
    expect(row!.detail).toHaveLength(AUDIT_LONG_TEXT_MAX);
    expect(capText('short', 10)).toBe('short');
    // A cut never splits a surrogate pair.
    expect(capText('🥑'.repeat(300), 256)).toBe(`${'🥑'.repeat(255)}…`);
  });
});
