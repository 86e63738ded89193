// Sign-in and sign-out: throttled, constant-time, the same answer for an unknown user and a wrong
// password, and audited whatever the outcome. A sign-in the store cannot record is refused.
import type { LoginBody } from '@/lib/api/login';
import type { Store } from '@/lib/store/sqlite';
import { recordAudit, recordRepeatedAudit, type NewAuditEntry } from '@/lib/audit/audit-log';
import { ApiError } from '@/lib/api/errors';
import { storeWriteFailed } from '@/lib/store/write-failure';
import type { AuthContext } from './auth-context';
import type { Principal } from './authenticate';
import { UNUSABLE_HASH, verifyPassword } from './password';
import type { Me } from '@/lib/api/roles';
import { sessionExpiry } from './session';

/** A refused attempt is refused whether or not its audit row could be written; the failure is logged. */
function auditRefusal(write: () => void): void {
  try {
    write();
  } catch (error) {
    storeWriteFailed(error, 'audit of a refused sign-in');
  }
}

/** Checks a username and password and opens a session; returns the user and session id, or throws 401 / 429 / 503. */
export async function signIn(auth: AuthContext, store: Store, body: LoginBody, address: string): Promise<Me & { sid: string }> {
  const { username, password } = body;
  const entry = (outcome: NewAuditEntry['outcome'], role: Me['role'] | null, detail: string | null = null): NewAuditEntry =>
    ({ actor: username, role, address, instance: null, action: 'auth.login', target: null, outcome, detail });

  const verdict = auth.throttle.check(username, address);
  if (!verdict.allowed) {
    const detail = verdict.reason === 'username' ? 'slowed: many wrong passwords for this username' : null;
    // Repeats share one row per minute, so a flood of attempts cannot fill the disk.
    auditRefusal(() => recordRepeatedAudit(store, entry('throttled', null, detail), (error) => {
      storeWriteFailed(error, 'audit count of throttled sign-ins');
    }));
    const { retryAfterSeconds } = verdict;
    throw new ApiError('TOO_MANY_REQUESTS', `Too many wrong passwords: try again in ${retryAfterSeconds} s.`, { retryAfterSeconds });
  }
  const user = auth.users.get(username);
  // Unknown users cost one scrypt too, so timing does not tell which usernames exist.
  const valid = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH);
  if (!user || !valid) {
    auth.throttle.recordFailure(username, address);
    auditRefusal(() => recordAudit(store, entry('denied', null)));
    throw new ApiError('UNAUTHENTICATED', 'Wrong username or password.');
  }
  let sid: string;
  try {
    sid = auth.sessions.open(username, sessionExpiry());
  } catch (error) {
    throw storeWriteFailed(error, 'new session');
  }
  try {
    recordAudit(store, entry('ok', user.role));
  } catch (error) {
    // Unrecorded, so not granted: the session just opened is ended again.
    try {
      auth.sessions.revoke(sid);
    } catch {
      // refused in this process anyway (in-memory revocation)
    }
    throw storeWriteFailed(error, 'audit of a sign-in');
  }
  auth.throttle.recordSuccess(username, address);
  return { username, role: user.role, readOnly: auth.readOnly, sid };
}

/**
 * Ends a session: refused in this process at once, then recorded (session row and audit entry).
 * When the store cannot record it, answers 503 saying the session is refused here but would be
 * live again after a restart.
 */
export function signOut(auth: AuthContext, store: Store, principal: Principal, address: string): void {
  let revokeError: unknown = null;
  if (principal.sessionId) {
    try {
      auth.sessions.revoke(principal.sessionId);
    } catch (error) {
      revokeError = error;
    }
  }
  try {
    if (revokeError) throw revokeError;
    recordAudit(store, {
      actor: principal.username, role: principal.role, address, instance: null,
      action: 'auth.logout', target: null, outcome: 'ok', detail: null,
    });
  } catch (error) {
    throw storeWriteFailed(
      error,
      'sign-out',
      'You are signed out of this Redlens server, but it could not record the sign-out in its data directory (full, read-only or gone): ' +
        'this session is refused until Redlens restarts. Sign out again once the store is back. The server log has the details.',
    );
  }
}
