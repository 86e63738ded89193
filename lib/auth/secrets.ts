// Secrets kept in the data directory: the session signing key and the generated admin password's
// hash. Files are created once with mode 0600 and never hold a password in clear.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { hashPassword, isPasswordHash } from './password';

const SESSION_SECRET_FILE = 'session-secret';
const ADMIN_HASH_FILE = 'admin-password.scrypt';

function readOrCreate(file: string, create: () => string): string {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx' fails when the file exists, so two starting processes cannot both write it.
    writeFileSync(file, create(), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}

export function sessionSecret(env: Record<string, string | undefined>, dataDir: string): string {
  if (env.REDLENS_SESSION_SECRET) {
    if (env.REDLENS_SESSION_SECRET.length < 32) throw new Error('REDLENS_SESSION_SECRET must be at least 32 characters');
    return env.REDLENS_SESSION_SECRET;
  }
  return readOrCreate(path.join(dataDir, SESSION_SECRET_FILE), () => randomBytes(32).toString('hex'));
}

/**
 * The hash of the generated admin password, creating it on first start. `announce` receives the
 * password in clear exactly once, when it is generated.
 */
export async function generatedAdminHash(dataDir: string, announce: (password: string) => void): Promise<string> {
  const file = path.join(dataDir, ADMIN_HASH_FILE);
  if (!existsSync(file)) {
    const password = randomBytes(15).toString('base64url');
    const hash = await hashPassword(password);
    const stored = readOrCreate(file, () => hash);
    if (stored === hash) announce(password);
  }
  const hash = readFileSync(file, 'utf8').trim();
  if (!isPasswordHash(hash)) throw new Error(`${file} does not hold a password hash; delete it to generate a new admin password`);
  return hash;
}
