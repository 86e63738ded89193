import 'server-only';
import type { ReactNode } from 'react';
import { pageSession, redirectToSignIn } from '@/lib/server/page-session';
import { DashboardShell } from '@/components/shell/dashboard-shell';

// Every dashboard page needs a signed-in user. The API checks again on every call: this
// redirect is for people, not the security boundary.
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const me = await pageSession();
  if (!me) return redirectToSignIn();
  return <DashboardShell me={me}>{children}</DashboardShell>;
}
