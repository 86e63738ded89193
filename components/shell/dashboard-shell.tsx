// The frame of every signed-in page: header with navigation and the user, the Redis-down banner,
// the store banner (admins only), and the main region. A server component: only its interactive parts ship as client code.
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { Me } from '@/lib/api/roles';
import { MeProvider } from '@/components/auth/me-context';
import { DownBanner } from '@/components/overview/down-banner';
import { FleetAlarmMarks } from './fleet-alarm';
import { MainNav } from './main-nav';
import { PageMain } from './page-main';
import { StoreBanner } from './store-banner';
import { UserMenu } from './user-menu';

export function DashboardShell({ me, children }: { me: Me; children: ReactNode }) {
  return (
    <MeProvider me={me}>
      <FleetAlarmMarks />
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link
            href="/"
            className="rounded text-lg font-bold tracking-tight text-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
          >
            Redlens
          </Link>
          <MainNav me={me} />
          <UserMenu me={me} />
        </div>
      </header>
      <DownBanner />
      <StoreBanner />
      <PageMain>{children}</PageMain>
    </MeProvider>
  );
}
