import 'server-only';
import { NextResponse } from 'next/server';
import { isHttps } from '@/lib/auth/request-origin';
import { loginBodySchema } from '@/lib/api/login';
import { signIn } from '@/lib/auth/login';
import { createSessionValue, sessionCookieHeader } from '@/lib/auth/session';
import { route } from '@/lib/http/route';
import { server } from '@/lib/server/root';

export const dynamic = 'force-dynamic';

export const POST = route({ role: 'anyone', body: loginBodySchema }, async ({ request, body, auth, address }) => {
  const { sid, ...me } = await signIn(auth, server().store, body, address);
  const response = NextResponse.json(me);
  response.headers.append('set-cookie', sessionCookieHeader(createSessionValue({ ...me, sid }, auth.sessionSecret), isHttps(request)));
  return response;
});
