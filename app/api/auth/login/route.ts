import { NextResponse } from 'next/server';
import { isHttps } from '@/lib/auth/request-origin';
import { loginBodySchema, signIn, ThrottledError } from '@/lib/auth/login';
import { createSessionValue, sessionCookieHeader, sessionExpiry } from '@/lib/auth/session';
import { errorResponse, route } from '@/lib/http/route';
import { appStore } from '@/lib/store/app-store';

export const dynamic = 'force-dynamic';

export const POST = route({ role: 'anyone', body: loginBodySchema }, async ({ request, body, auth, address }) => {
  try {
    const me = await signIn(auth, appStore(), body, address);
    const sid = auth.sessions.open(me.username, sessionExpiry());
    const response = NextResponse.json(me);
    response.headers.append('set-cookie', sessionCookieHeader(createSessionValue({ ...me, sid }, auth.sessionSecret), isHttps(request)));
    return response;
  } catch (error) {
    if (error instanceof ThrottledError) return errorResponse(error, { 'retry-after': String(error.retryAfterSeconds) });
    throw error;
  }
});
