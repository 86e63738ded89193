// The session cookie: a payload signed with HMAC-SHA256, with an expiry inside the signature.
import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '@/lib/api/roles';

export const SESSION_COOKIE = 'redlens_session';
export const SESSION_TTL_SECONDS = 12 * 60 * 60;

export interface Session {
  /** The server-side session (lib/auth/session-registry.ts), revoked at sign-out. */
  sid: string;
  username: string;
  role: Role;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/** When a session made now expires, unix ms. */
export const sessionExpiry = (nowMs = Date.now()) => (Math.floor(nowMs / 1000) + SESSION_TTL_SECONDS) * 1000;

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function createSessionValue(user: { sid: string; username: string; role: Role }, secret: string, nowMs = Date.now()): string {
  const session: Session = { sid: user.sid, username: user.username, role: user.role, exp: sessionExpiry(nowMs) / 1000 };
  const payload = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The session in a cookie value, or null when it is forged, malformed or expired. */
export function readSessionValue(value: string, secret: string, nowMs = Date.now()): Session | null {
  const [payload, signature, extra] = value.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(payload, secret));
  const actual = Buffer.from(signature);
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null;
  let session: unknown;
  try {
    session = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof session !== 'object' || session === null) return null;
  const { sid, username, role, exp } = session as Record<string, unknown>;
  if (typeof sid !== 'string' || typeof username !== 'string' || typeof exp !== 'number' || !ROLES.includes(role as Role)) return null;
  if (exp * 1000 <= nowMs) return null;
  return { sid, username, role: role as Role, exp };
}

/** Set-Cookie attributes: HttpOnly, SameSite=Strict, an expiry, and Secure over HTTPS. */
export function sessionCookieHeader(value: string, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Strict',
    `Max-Age=${SESSION_TTL_SECONDS}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedSessionCookieHeader(secure: boolean): string {
  return [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Strict', 'Max-Age=0', ...(secure ? ['Secure'] : [])].join('; ');
}
