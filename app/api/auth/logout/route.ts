import { NextResponse } from 'next/server';
import { isHttps } from '@/lib/auth/request-origin';
import { clearedSessionCookieHeader } from '@/lib/auth/session';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const POST = route({ role: 'viewer', audit: 'auth.logout' }, ({ request, principal, auth }) => {
  // Ended on the server too: the same cookie, copied elsewhere, no longer signs anyone in.
  if (principal?.sessionId) auth.sessions.revoke(principal.sessionId);
  const response = NextResponse.json({ ok: true });
  response.headers.append('set-cookie', clearedSessionCookieHeader(isHttps(request)));
  return response;
});
