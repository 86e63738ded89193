import 'server-only';
import { NextResponse } from 'next/server';
import { signOut } from '@/lib/auth/login';
import { isHttps } from '@/lib/auth/request-origin';
import { clearedSessionCookieHeader } from '@/lib/auth/session';
import { ApiError } from '@/lib/api/errors';
import { errorResponse, route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

// Ended on the server too: the same cookie, copied elsewhere, no longer signs anyone in. The
// cookie is cleared even when the store could not record the sign-out (503).
export const POST = route({ role: 'viewer' }, ({ request, principal, auth, address }) => {
  const cleared = { 'set-cookie': clearedSessionCookieHeader(isHttps(request)) };
  try {
    signOut(auth, server().store, principal!, address);
  } catch (error) {
    if (ApiError.is(error)) return errorResponse(error, cleared);
    throw error;
  }
  return NextResponse.json({ ok: true }, { headers: cleared });
});
