import 'server-only';
import type { Metadata } from 'next';
import { pageSession, redirectToSignIn } from '@/lib/server/page-session';
import { AuditForbidden } from '@/components/audit/audit-forbidden';
import { AuditLogView } from '@/components/audit/audit-log-view';

export const metadata: Metadata = { title: 'Audit log' };

export default async function AuditPage() {
  // The layout redirects too, but pages render alongside layouts, not after them: check here.
  const me = await pageSession();
  if (!me) return redirectToSignIn();
  if (me.role !== 'admin') return <AuditForbidden />;
  return <AuditLogView />;
}
