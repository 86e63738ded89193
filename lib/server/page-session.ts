// The signed-in user of a page request, for server components (layouts redirect without one).
import 'server-only';
import { cookies } from 'next/headers';
import type { Me } from '@/lib/api/roles';
import { principalFromSession } from '@/lib/auth/authenticate';
import { SESSION_COOKIE } from '@/lib/auth/session';
import { server } from './root';

export async function pageSession(): Promise<Me | null> {
  const auth = await server().auth();
  const principal = principalFromSession((await cookies()).get(SESSION_COOKIE)?.value, auth);
  return principal ? { username: principal.username, role: principal.role, readOnly: auth.readOnly } : null;
}
