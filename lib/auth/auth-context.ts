// Everything a request is authenticated against: users, API tokens, the session key, read-only.
import 'server-only';
import { createHash } from 'node:crypto';
import type { RedlensConfig } from '@/lib/config/schema';
import { hashPassword } from './password';
import type { Role } from '@/lib/api/roles';
import { generatedAdminHash, sessionSecret } from './secrets';
import { MemorySessions, type SessionRegistry } from './session-registry';
import { LoginThrottle } from './throttle';

export interface AuthContext {
  users: Map<string, { role: Role; passwordHash: string }>;
  tokens: Array<{ name: string; role: Role; sha256: Buffer }>;
  sessionSecret: string;
  readOnly: boolean;
  throttle: LoginThrottle;
  sessions: SessionRegistry;
}

export const sha256 = (value: string) => createHash('sha256').update(value).digest();

/**
 * Users come from REDLENS_ADMIN_PASSWORD / REDLENS_VIEWER_PASSWORD, then the config file; with no
 * admin anywhere, a password is generated on first start and only its hash is kept.
 */
export async function buildAuthContext(
  config: RedlensConfig,
  env: Record<string, string | undefined>,
  announce: (password: string) => void = () => undefined,
  sessions: SessionRegistry = new MemorySessions(),
): Promise<AuthContext> {
  const users: AuthContext['users'] = new Map();
  for (const user of config.users) users.set(user.username, { role: user.role, passwordHash: user.passwordHash });
  if (env.REDLENS_ADMIN_PASSWORD) users.set('admin', { role: 'admin', passwordHash: await hashPassword(env.REDLENS_ADMIN_PASSWORD) });
  if (env.REDLENS_VIEWER_PASSWORD) users.set('viewer', { role: 'viewer', passwordHash: await hashPassword(env.REDLENS_VIEWER_PASSWORD) });
  if (![...users.values()].some((user) => user.role === 'admin')) {
    users.set('admin', { role: 'admin', passwordHash: await generatedAdminHash(config.dataDir, announce) });
  }

  const tokens: AuthContext['tokens'] = config.tokens.map((token) => ({
    name: token.name,
    role: token.role,
    sha256: Buffer.from(token.sha256, 'hex'),
  }));
  if (env.REDLENS_API_TOKEN) tokens.push({ name: 'REDLENS_API_TOKEN', role: 'viewer', sha256: sha256(env.REDLENS_API_TOKEN) });

  return {
    users,
    tokens,
    sessionSecret: sessionSecret(env, config.dataDir),
    readOnly: config.readOnly,
    throttle: new LoginThrottle(),
    sessions,
  };
}
