// The signed-in user of a page request, for server components (layouts redirect without one).
import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { Me } from '@/lib/api/roles';
import { principalFromSession } from '@/lib/auth/authenticate';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { REQUESTED_PATH_HEADER, signInPathFor } from '@/lib/next-path';
import { server } from './root';

export async function pageSession(): Promise<Me | null> {
  const auth = await server().auth();
  const principal = principalFromSession((await cookies()).get(SESSION_COOKIE)?.value, auth);
  return principal ? { username: principal.username, role: principal.role, readOnly: auth.readOnly } : null;
}

/** To the sign-in page, which comes back to the page asked for (proxy.ts names it in a header). */
export async function redirectToSignIn(): Promise<never> {
  redirect(signInPathFor((await headers()).get(REQUESTED_PATH_HEADER)));
}
