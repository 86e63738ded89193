// Builds the dashboard when its sources changed and runs Redlens's server (redlens-server.mjs:
// Next's handler inside a Node http server with timeouts and a connection cap) in its own
// process group, so that stopping it stops everything it started.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
const nextBin = path.join(root, 'node_modules', '.bin', 'next');
const serverScript = path.join(root, 'scripts', 'lib', 'redlens-server.mjs');
const SOURCES = ['app', 'components', 'lib', 'public', 'next.config.js', 'instrumentation.ts', 'postcss.config.mjs', 'package-lock.json', 'tsconfig.json'];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

/** Runs `next build` unless .next holds a build newer than every source file. */
export function buildIfStale({ log = console.log } = {}) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...SOURCES.map((entry) => newestMtime(path.join(root, entry))));
  if (built > sources) {
    log('dashboard build is up to date');
    return;
  }
  log('building the dashboard (next build, about a minute)...');
  const result = spawnSync(nextBin, ['build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status ?? result.signal})`);
}

/** Starts the built dashboard detached in its own process group; returns the child. */
export function startNext({ host, port, env = {}, stdio = 'inherit' }) {
  return spawn(process.execPath, [serverScript], {
    cwd: root,
    detached: true,
    stdio,
    // The server listens on REDLENS_HOST and PORT, and the app's Host check reads the same two.
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env, REDLENS_HOST: host, PORT: String(port) },
  });
}

/** Stops the whole process group of a child started by startNext. */
export function stopNext(child) {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Waits until GET url answers 2xx, or throws after timeoutMs. */
export async function waitForHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
