// Installs what is missing, so `npm run demo` and `npm test` work on a machine with only Node and npm:
// node_modules (npm ci) when absent or older than the lock file, and Debian's redis-server and
// chromium with apt when missing (as root), or a clear message naming the packages.
//   node scripts/setup.mjs --for demo|test
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const purpose = process.argv[process.argv.indexOf('--for') + 1] ?? 'demo';

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`[setup] ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

function ensureNodeModules() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  const lock = path.join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('[setup] installing npm dependencies (npm ci; better-sqlite3 compiles, about 90 s)...');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

function hasCommand(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureDebianPackages(packages) {
  const missing = packages.filter(({ binary }) => !(binary.startsWith('/') ? existsSync(binary) : hasCommand(binary)));
  if (missing.length === 0) return;
  const names = missing.map(({ name }) => name);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasCommand('apt-get')) {
    console.error(`[setup] missing Debian packages: ${names.join(' ')}.\n` +
      `        Install them with: sudo apt-get install -y --no-install-recommends ${names.join(' ')}`);
    process.exit(1);
  }
  console.log(`[setup] installing ${names.join(' ')} with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...names], { env });
}

ensureNodeModules();
const needsPrivateRedis = !(process.env.REDIS_URL || process.env.REDLENS_REDIS_URL || process.env.REDLENS_CONFIG);
const packages = [];
if (purpose !== 'demo' || needsPrivateRedis) {
  packages.push({ name: 'redis-server', binary: 'redis-server' }, { name: 'redis-tools', binary: 'redis-cli' });
}
if (purpose === 'test') packages.push({ name: 'chromium', binary: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
ensureDebianPackages(packages);
