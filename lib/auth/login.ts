// Sign-in: throttled, constant-time, the same answer for an unknown user and a wrong password,
// and audited whatever the outcome.
import { z } from 'zod';
import type { Store } from '@/lib/store/sqlite';
import { recordAudit } from '@/lib/audit/audit-log';
import { ApiError } from '@/lib/http/errors';
import type { AuthContext } from './auth-context';
import { UNUSABLE_HASH, verifyPassword } from './password';
import type { Me } from './roles';

export const loginBodySchema = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(1024),
  })
  .strict();

export type LoginBody = z.infer<typeof loginBodySchema>;

export class ThrottledError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_REQUESTS', `Too many wrong passwords: try again in ${retryAfterSeconds} s.`);
  }
}

/** Checks a username and password; returns the user or throws 401 / 429. */
export async function signIn(auth: AuthContext, store: Store, body: LoginBody, address: string): Promise<Me> {
  const { username, password } = body;
  const audit = (outcome: 'ok' | 'denied' | 'throttled', role: Me['role'] | null) =>
    recordAudit(store, { actor: username, role, address, instance: null, action: 'auth.login', target: null, outcome, detail: null });

  const wait = auth.throttle.retryAfterSeconds(username, address);
  if (wait > 0) {
    audit('throttled', null);
    throw new ThrottledError(wait);
  }
  const user = auth.users.get(username);
  // Unknown users cost one scrypt too, so timing does not tell which usernames exist.
  const valid = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH);
  if (!user || !valid) {
    auth.throttle.recordFailure(username, address);
    audit('denied', null);
    throw new ApiError('UNAUTHENTICATED', 'Wrong username or password.');
  }
  audit('ok', user.role);
  return { username, role: user.role, readOnly: auth.readOnly };
}
