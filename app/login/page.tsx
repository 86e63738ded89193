import 'server-only';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { safeNextPath } from '@/lib/next-path';
import { pageSession } from '@/lib/server/page-session';
import { LoginForm } from '@/components/auth/login-form';
import { PageMain } from '@/components/shell/page-main';

export const metadata: Metadata = { title: 'Sign in' };

// `?next=` is the page that sent the visitor here; only a page of this dashboard is kept.
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next } = await searchParams;
  const returnTo = safeNextPath(typeof next === 'string' ? next : null);
  if (await pageSession()) redirect(returnTo);
  return (
    <PageMain className="flex min-h-screen items-center justify-center px-4 py-10">
      <LoginForm returnTo={returnTo} />
    </PageMain>
  );
}
