// A full data directory: every change is refused with 503 STORE_UNAVAILABLE and nothing happens
// in Redis (audit first, fail closed); sign-out still ends the session in this process. The data
// directory is a 4 MiB tmpfs filled to the brim, which needs root to mount.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { server as redlens } from '@/lib/server/root';
import { call, cookieOf, useAppEnv } from './app-env';
import { rawCommand, redisUrl, startTestRedis, stopRedis, type RedisServer } from './redis';

const isRoot = process.getuid?.() === 0;
const ADMIN_PASSWORD = 'full-disk-admin';
const VIEWER_PASSWORD = 'full-disk-viewer';

/** Appends to `file` until the file system says ENOSPC, in ever smaller writes down to one byte. */
function fillToTheBrim(file: string): number {
  const fd = openSync(file, 'a');
  let written = 0;
  try {
    for (const size of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 0x78);
      for (;;) {
        try {
          written += writeSync(fd, chunk);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
  return written;
}

describe.runIf(isRoot)('a full data directory (4 MiB tmpfs)', () => {
  let server: RedisServer;
  let mountPoint = '';
  let admin = '';
  let viewer = '';
  let slowlogLen = '';

  // Imported after useAppEnv has pointed the app at the tmpfs.
  const routes: Record<string, Parameters<typeof call>[0]> = {};

  beforeAll(async () => {
    server = await startTestRedis();
    mountPoint = mkdtempSync(path.join(tmpdir(), 'redlens-full-disk-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
    useAppEnv({
      instances: [{ id: 'd', url: redisUrl(server) }],
      env: { REDLENS_DATA_DIR: mountPoint, REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD, REDLENS_VIEWER_PASSWORD: VIEWER_PASSWORD },
    });
    routes.login = (await import('@/app/api/auth/login/route')).POST;
    routes.logout = (await import('@/app/api/auth/logout/route')).POST;
    routes.me = (await import('@/app/api/auth/me/route')).GET;
    const keyRoute = await import('@/app/api/instances/[id]/key/route');
    routes.delete = keyRoute.DELETE;
    routes.patch = keyRoute.PATCH;
    routes.reset = (await import('@/app/api/instances/[id]/slowlog/reset/route')).POST;

    for (const [role, password] of [['admin', ADMIN_PASSWORD], ['viewer', VIEWER_PASSWORD]] as const) {
      const response = await call(routes.login!, 'POST', '/api/auth/login', { body: { username: role, password } });
      expect(response.status).toBe(200);
      if (role === 'admin') admin = cookieOf(response);
      else viewer = cookieOf(response);
    }

    // A key with a TTL, and a slow log with entries in it.
    expect(await rawCommand(server.port, 'SET full:disk 1 EX 600')).toBe('+OK');
    await rawCommand(server.port, 'CONFIG SET slowlog-log-slower-than 0');
    for (let i = 0; i < 20; i++) await rawCommand(server.port, `SET full:slow:${i} ${i}`);
    await rawCommand(server.port, 'CONFIG SET slowlog-log-slower-than 10000000');
    slowlogLen = await rawCommand(server.port, 'SLOWLOG LEN');
    expect(Number(slowlogLen.slice(1))).toBeGreaterThan(20);

    // Honest: SQLite's write-ahead log may hold pages already allocated that a write could reuse
    // without growing any file. Truncate it, then fill the disk: every write must now grow a file.
    redlens().store.pragma('wal_checkpoint(TRUNCATE)');
    const filled = fillToTheBrim(path.join(mountPoint, 'filler'));
    expect(filled).toBeGreaterThan(0);
  });

  afterAll(async () => {
    // The store keeps its files open: detach the mount now, the kernel frees it when they close.
    if (mountPoint) {
      try {
        execFileSync('umount', ['-l', mountPoint]);
      } catch (error) {
        console.error(`could not unmount ${mountPoint}:`, error);
      }
      rmSync(mountPoint, { recursive: true, force: true });
    }
    delete (globalThis as Record<string, unknown>).__redlensServer;
    if (server) await stopRedis(server, { removeDir: true });
  });

  const expectStoreUnavailable = async (response: Response) => {
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe('STORE_UNAVAILABLE');
  };

  it('refuses DELETE of a key with 503, and the key is still there', async () => {
    const keyB64 = encodeURIComponent(Buffer.from('full:disk').toString('base64'));
    await expectStoreUnavailable(await call(routes.delete!, 'DELETE', `/api/instances/d/key?db=0&keyB64=${keyB64}`, {
      headers: { cookie: admin }, params: { id: 'd' },
    }));
    expect(await rawCommand(server.port, 'EXISTS full:disk')).toBe(':1');
  });

  it('refuses PATCH of a TTL with 503, and the TTL is unchanged', async () => {
    await expectStoreUnavailable(await call(routes.patch!, 'PATCH', '/api/instances/d/key', {
      headers: { cookie: admin }, params: { id: 'd' }, body: { db: 0, keyB64: Buffer.from('full:disk').toString('base64'), ttlMs: 5_000 },
    }));
    expect(Number((await rawCommand(server.port, 'TTL full:disk')).slice(1))).toBeGreaterThan(500);
  });

  it('refuses the slow log reset with 503, and the slow log is untouched', async () => {
    await expectStoreUnavailable(await call(routes.reset!, 'POST', '/api/instances/d/slowlog/reset', {
      headers: { cookie: admin }, params: { id: 'd' }, body: {},
    }));
    expect(await rawCommand(server.port, 'SLOWLOG LEN')).toBe(slowlogLen);
  });

  it('answers sign-out with 503, and the cookie is refused afterwards even so', async () => {
    expect((await call(routes.me!, 'GET', '/api/auth/me', { headers: { cookie: viewer } })).status).toBe(200);
    const response = await call(routes.logout!, 'POST', '/api/auth/logout', { headers: { cookie: viewer } });
    expect(response.headers.get('set-cookie')).toContain('Max-Age=0');
    await expectStoreUnavailable(response);
    expect((await call(routes.me!, 'GET', '/api/auth/me', { headers: { cookie: viewer } })).status).toBe(401);
  });
});

if (!isRoot) {
  describe('a full data directory', () => {
    it.skip('is tested only as root: mounting the small tmpfs it fills needs root (run the tests as root to include it)', () => undefined);
  });
}
