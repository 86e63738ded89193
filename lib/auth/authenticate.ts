// Who is asking: a session cookie or a bearer token, checked on every request by the route wrapper.
import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { sha256, type AuthContext } from './auth-context';
import type { Role } from '@/lib/api/roles';
import { readSessionValue, SESSION_COOKIE } from './session';

export interface Principal {
  username: string;
  role: Role;
  via: 'session' | 'token';
  /** The server-side session a cookie carries; sign-out revokes it. */
  sessionId?: string;
}

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function fromToken(header: string, auth: AuthContext): Principal | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return null;
  const presented = sha256(match[1]);
  // Compare with every token so the time taken does not tell which one came close.
  let found: AuthContext['tokens'][number] | undefined;
  for (const token of auth.tokens) {
    if (timingSafeEqual(presented, token.sha256)) found = token;
  }
  return found ? { username: `token:${found.name}`, role: found.role, via: 'token' } : null;
}

/** The signed-in user of a session cookie value, or null. */
export function principalFromSession(value: string | undefined, auth: AuthContext): Principal | null {
  if (!value) return null;
  const session = readSessionValue(value, auth.sessionSecret);
  // A user removed from the configuration, or given another role, loses the old session;
  // a signed-out session is over even while its cookie has not expired.
  if (!session || auth.users.get(session.username)?.role !== session.role || !auth.sessions.isLive(session.sid, session.username)) return null;
  return { username: session.username, role: session.role, via: 'session', sessionId: session.sid };
}

/** The principal of a request, or null when it carries no valid credentials. */
export function authenticate(request: Request, auth: AuthContext): Principal | null {
  const authorization = request.headers.get('authorization');
  // A request that presents a token is judged by that token alone.
  if (authorization) return fromToken(authorization, auth);
  return principalFromSession(readCookie(request, SESSION_COOKIE), auth);
}
