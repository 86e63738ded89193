import 'server-only';
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { pageSession } from '@/lib/server/page-session';
import { LoginForm } from '@/components/auth/login-form';
import { PageMain } from '@/components/shell/page-main';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage() {
  if (await pageSession()) redirect('/');
  return (
    <PageMain className="flex min-h-screen items-center justify-center px-4 py-10">
      <LoginForm />
    </PageMain>
  );
}
