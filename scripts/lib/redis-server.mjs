// Starts and stops private redis-server processes on loopback, for the demo, tests and benches.
// Each server is daemonized with a pidfile and stopped by that pid, never by name.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A free loopback TCP port: `preferred` when it is free, else one the kernel picks. */
export async function freePort(preferred = 0) {
  if (preferred) {
    try {
      return await listenOn(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return listenOn(0);
}

function listenOn(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sends one inline command over a raw socket and resolves with the first reply line. */
export function rawCommand(port, command, timeoutMs = 1000) {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no reply from 127.0.0.1:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    let data = '';
    socket.on('connect', () => socket.write(`${command}\r\n`));
    socket.on('data', (chunk) => {
      data += chunk.toString('utf8');
      if (data.includes('\r\n')) {
        clearTimeout(timer);
        socket.end();
        resolve(data.split('\r\n')[0]);
      }
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/**
 * Starts a daemonized redis-server on 127.0.0.1 and waits until it answers PING. `conf` is a
 * config file given before the arguments (a sentinel's: it must be writable, Sentinel rewrites it).
 * @param {{ dir: string, port?: number, password?: string, args?: string[], conf?: string }} options
 * @returns {Promise<{ port: number, pid: number, dir: string, pidFile: string, argv: string[] }>}
 */
export async function startRedis({ dir, port, password, args = [], conf }) {
  mkdirSync(dir, { recursive: true });
  const chosenPort = port ?? (await freePort());
  const pidFile = path.join(dir, `redis-${chosenPort}.pid`);
  const argv = [
    ...(conf ? [conf] : []),
    '--port', String(chosenPort),
    '--bind', '127.0.0.1',
    '--save', '',
    '--appendonly', 'no',
    '--daemonize', 'yes',
    '--pidfile', pidFile,
    '--dir', dir,
    '--logfile', path.join(dir, `redis-${chosenPort}.log`),
    // DEBUG is needed by tests that block Redis on purpose (DEBUG SLEEP); loopback only.
    '--enable-debug-command', 'local',
    ...(password ? ['--requirepass', password] : []),
    ...args,
  ];
  const server = { port: chosenPort, pid: 0, dir, pidFile, argv };
  await launch(server);
  return server;
}

/** (Re)starts a server described by startRedis's result, on the same port with the same arguments. */
export async function launch(server) {
  const result = spawnSync('redis-server', server.argv, { encoding: 'utf8' });
  if (result.error) {
    throw new Error(`cannot run redis-server (${result.error.message}); install Debian's redis-server package`);
  }
  if (result.status !== 0) {
    throw new Error(`redis-server exited with ${result.status}: ${result.stderr || result.stdout}`);
  }
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const reply = await rawCommand(server.port, 'PING', 500);
      if (reply === '+PONG' || reply.startsWith('-NOAUTH')) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`redis-server on port ${server.port} did not start`);
    await sleep(50);
  }
  server.pid = Number(readFileSync(server.pidFile, 'utf8').trim());
  return server;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// The pidfile is the truth: a server restarted by launch() has a new pid under the same file.
function currentPid(server) {
  try {
    return Number(readFileSync(server.pidFile, 'utf8').trim()) || server.pid;
  } catch {
    return server.pid;
  }
}

/** Stops a server by its pid and waits until the process is gone. */
export async function stopRedis(server, { removeDir = false } = {}) {
  const pid = currentPid(server);
  if (pid && isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    const deadline = Date.now() + 10_000;
    while (isAlive(pid)) {
      if (Date.now() > deadline) {
        process.kill(pid, 'SIGKILL');
        break;
      }
      await sleep(25);
    }
  }
  server.pid = 0;
  if (removeDir) rmSync(server.dir, { recursive: true, force: true });
}

/** Synchronous stop for exit handlers, where nothing can be awaited. */
export function stopRedisSync(server) {
  const pid = currentPid(server);
  if (pid && isAlive(pid)) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** True when the redis-server binary is on the PATH. */
export function hasRedisServer() {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
