import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';
import { Providers } from './providers';
import { DownBanner } from '@/components/overview/down-banner';
import { NavLink } from '@/components/ui/nav-link';

export const metadata: Metadata = {
  title: { default: 'Redlens', template: '%s · Redlens' },
  description: 'A web admin dashboard for Redis.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow focus:outline-2 focus:outline-red-700"
        >
          Skip to content
        </a>
        <Providers>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
              <Link
                href="/"
                className="rounded text-lg font-bold tracking-tight text-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
              >
                Redlens
              </Link>
              <nav aria-label="Main">
                <ul className="flex gap-2 text-sm">
                  <li>
                    <NavLink href="/" matchPrefix="/instances">
                      Instances
                    </NavLink>
                  </li>
                </ul>
              </nav>
            </div>
          </header>
          <DownBanner />
          {/* tabIndex -1: the skip link moves focus here, not only the scroll position. */}
          <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
