// The signed-in user of a page request, for server components (layouts redirect without one).
import 'server-only';
import { cookies } from 'next/headers';
import { appAuth } from './app-auth';
import { principalFromSession } from './authenticate';
import type { Me } from './roles';
import { SESSION_COOKIE } from './session';

export async function pageSession(): Promise<Me | null> {
  const auth = await appAuth();
  const principal = principalFromSession((await cookies()).get(SESSION_COOKIE)?.value, auth);
  return principal ? { username: principal.username, role: principal.role, readOnly: auth.readOnly } : null;
}
