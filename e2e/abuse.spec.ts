// What an outsider can send the BUILT server (scripts/lib/redlens-server.mjs over `next build`):
// huge bodies, huge declared lengths, malformed paths, spoofed X-Forwarded-For, throttled
// sign-in floods and idle connections. None may stop it, fill its memory or disk, or lock the
// admin out. A server of its own (own Redis, own data directory), so the floods cannot disturb
// the other specs; its pid is the Node process itself, read through /proc.
import { expect, test } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { freePort, startRedis, stopRedis, type RedisServer } from '../scripts/lib/redis-server.mjs';

const ADMIN_PASSWORD = 'abuse-admin-password';
const MiB = 1024 * 1024;

let redis: RedisServer;
let server: ChildProcess;
let port = 0;
let dataDir = '';
let baseUrl = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'redlens-abuse-'));
  dataDir = path.join(dir, 'data');
  redis = await startRedis({ dir: path.join(dir, 'redis') });
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  // As scripts/lib/next-server.mjs startNext does (Playwright cannot load that module).
  server = spawn(process.execPath, [path.join(__dirname, '..', 'scripts', 'lib', 'redlens-server.mjs')], {
    cwd: path.join(__dirname, '..'),
    stdio: 'ignore',
    env: {
      ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', REDLENS_HOST: '127.0.0.1', PORT: String(port),
      REDIS_URL: `redis://127.0.0.1:${redis.port}`, REDLENS_DATA_DIR: dataDir, REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
  });
  await waitForHttp(`${baseUrl}/api/healthz`, 60_000);
});

test.afterAll(async () => {
  server?.kill('SIGTERM');
  if (redis) await stopRedis(redis, { removeDir: true });
  if (dataDir) rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The server's resident memory, in bytes (VmRSS), and its peak (VmHWM). */
function memory(): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

const openFiles = () => readdirSync(`/proc/${server.pid}/fd`).length;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  ms: number;
}

/**
 * One request over node:http. `body` is a Buffer, or a number of bytes to stream in 64 KiB
 * chunks (chunked transfer encoding, or under a declared `content-length` header). From
 * `localAddress` (any 127.x.y.z reaches the loopback server) to act as another peer.
 */
function send(
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: Buffer | number; localAddress?: string; agent?: http.Agent } = {},
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(`${baseUrl}${urlPath}`, {
      method,
      headers: { origin: baseUrl, ...options.headers },
      localAddress: options.localAddress,
      agent: options.agent ?? false,
    }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body, ms: performance.now() - started }));
      response.on('error', reject);
    });
    // The server answers (and closes) before a refused upload ends: that is not a failure here.
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (!['EPIPE', 'ECONNRESET'].includes(error.code ?? '')) reject(error);
    });
    if (typeof options.body === 'number') {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let left = options.body;
      const pump = () => {
        while (left > 0 && !request.destroyed) {
          left -= chunk.length;
          if (!request.write(chunk)) return void request.once('drain', pump);
        }
        request.end();
      };
      pump();
    } else {
      request.end(options.body);
    }
  });
}

const login = (password: string, options: { localAddress?: string; headers?: Record<string, string> } = {}) =>
  send('POST', '/api/auth/login', {
    ...options,
    headers: { 'content-type': 'application/json', ...options.headers },
    body: Buffer.from(JSON.stringify({ username: 'admin', password })),
  });

test('a 100 MB streamed body and a 10 GB Content-Length are refused with 413 within 1 s, memory flat', async () => {
  // Warm up the route (its first use loads code), then measure.
  await send('POST', '/api/auth/login', { body: 256 * 1024, headers: { 'transfer-encoding': 'chunked' } });
  const before = memory();

  const streamed = await send('POST', '/api/auth/login', { body: 100 * MiB, headers: { 'transfer-encoding': 'chunked' } });
  expect(streamed.status).toBe(413);
  expect(JSON.parse(streamed.body).error.code).toBe('PAYLOAD_TOO_LARGE');
  expect(streamed.ms).toBeLessThan(1000);

  const declared = await send('POST', '/api/auth/login', { body: 4 * MiB, headers: { 'content-length': '10000000000' } });
  expect(declared.status).toBe(413);
  expect(declared.ms).toBeLessThan(1000);

  const after = memory();
  console.log(`[abuse] 413 in ${streamed.ms.toFixed(0)} ms (streamed) / ${declared.ms.toFixed(0)} ms (declared); ` +
    `RSS ${(before.rss / MiB).toFixed(1)} -> ${(after.rss / MiB).toFixed(1)} MiB, peak ${(before.peak / MiB).toFixed(1)} -> ${(after.peak / MiB).toFixed(1)} MiB`);
  expect(after.peak - before.peak).toBeLessThan(20 * MiB);
  expect(after.rss - before.rss).toBeLessThan(20 * MiB);
  expect((await send('GET', '/api/healthz')).status).toBe(200);
});

test('a path with malformed percent-encoding gets the JSON 400 with the security headers', async () => {
  for (const urlPath of ['/api/instances/%C0%AE/info', '/%E0%A4%A', '/api/%']) {
    const answer = await send('GET', urlPath);
    expect(answer.status, urlPath).toBe(400);
    expect(JSON.parse(answer.body).error.code).toBe('BAD_REQUEST');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(answer.headers['cache-control']).toBe('no-store');
  }
});

test('a POST with no body works where the route takes no parameters (curl -X POST)', async () => {
  const signedIn = await login(ADMIN_PASSWORD);
  expect(signedIn.status).toBe(200);
  const cookie = String(signedIn.headers['set-cookie']?.[0]).split(';')[0]!;
  const reset = await send('POST', '/api/instances/default/slowlog/reset', { headers: { cookie } });
  expect(reset.status, reset.body).toBe(200);
  const signedOut = await send('POST', '/api/auth/logout', { headers: { cookie } });
  expect(signedOut.status).toBe(200);
});

test('X-Forwarded-For neither dodges the per-address limit nor lets a flood lock the admin out', async () => {
  // The admin's usual address.
  expect((await login(ADMIN_PASSWORD, { localAddress: '127.0.0.1' })).status).toBe(200);

  // Five wrong passwords from one peer, each claiming another address: the sixth try is 429.
  const spoofer = '127.0.9.1';
  for (let i = 0; i < 5; i++) {
    expect((await login(`wrong-${i}`, { localAddress: spoofer, headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status).toBe(401);
  }
  const dodged = await login(ADMIN_PASSWORD, { localAddress: spoofer, headers: { 'x-forwarded-for': '203.0.113.77' } });
  expect(dodged.status).toBe(429);
  expect(Number(dodged.headers['retry-after'])).toBeGreaterThan(0);

  // Thirty failures within the minute from rotating peers and rotating X-Forwarded-For values.
  for (let i = 0; i < 30; i++) {
    const answer = await login(`guess-${i}`, { localAddress: `127.0.10.${i + 1}`, headers: { 'x-forwarded-for': `192.0.2.${i}` } });
    expect([401, 429]).toContain(answer.status);
  }
  // The admin, from the usual address, with the right password: in.
  expect((await login(ADMIN_PASSWORD, { localAddress: '127.0.0.1' })).status).toBe(200);
});

/** Bytes the store takes on disk (the database and its write-ahead log). */
function storeBytes(): number {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('redlens.db'))
    .reduce((sum, name) => sum + statSync(path.join(dataDir, name)).size, 0);
}

test('3,000 throttled sign-ins with a 15 kB X-Forwarded-For add less than 1 MB to the store', async () => {
  test.setTimeout(120_000);
  const peer = '127.0.11.1';
  const xff = Array.from({ length: 1100 }, (_, i) => `10.${(i >> 8) & 255}.${i & 255}.1`).join(', ').slice(0, 15_000);
  // A username of its own: the admin's is still slowed by the previous test's flood.
  const flood = (agent?: http.Agent) => send('POST', '/api/auth/login', {
    agent,
    localAddress: peer,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
    body: Buffer.from(JSON.stringify({ username: 'flood', password: 'wrong' })),
  });
  for (let i = 0; i < 5; i++) expect((await flood()).status).toBe(401);
  const before = storeBytes();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  let throttled = 0;
  const started = performance.now();
  for (let batch = 0; batch < 3000 / 50; batch++) {
    const answers = await Promise.all(Array.from({ length: 50 }, () => flood(agent)));
    throttled += answers.filter((answer) => answer.status === 429).length;
    for (const answer of answers) if (answer.status !== 429) console.log(`[abuse] unexpected ${answer.status} ${answer.body}`);
  }
  agent.destroy();
  const grown = storeBytes() - before;
  console.log(`[abuse] ${throttled} throttled sign-ins in ${((performance.now() - started) / 1000).toFixed(1)} s grew the store by ${(grown / 1024).toFixed(1)} KiB`);
  expect(throttled).toBe(3000);
  expect(grown).toBeLessThan(MiB);
});

test('idle connections are capped and timed out; the server keeps its file descriptors and answers after', async () => {
  test.setTimeout(60_000);
  const baseline = openFiles();
  const sockets: net.Socket[] = [];
  let closedByServer = 0;
  await Promise.all(Array.from({ length: 2000 }, () => new Promise<void>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.on('connect', () => resolve());
    socket.on('error', () => resolve());
    socket.on('close', () => {
      closedByServer += 1;
      resolve();
    });
    sockets.push(socket);
  })));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const held = openFiles();
  console.log(`[abuse] 2,000 idle connections: server fds ${baseline} -> ${held}, ${closedByServer} refused at once`);
  expect(held - baseline).toBeLessThanOrEqual(512 + 16);

  // The header timeout (10 s, checked each second) ends the ones it accepted.
  const deadline = Date.now() + 15_000;
  while (closedByServer < sockets.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
  expect(closedByServer).toBe(sockets.length);
  for (const socket of sockets) socket.destroy();
  await waitForHttp(`${baseUrl}/api/healthz`, 5_000);
  expect(openFiles()).toBeLessThanOrEqual(baseline + 16);
});
