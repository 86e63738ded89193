import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import './globals.css';
import { Providers } from './providers';

export const metadata: Metadata = {
  title: { default: 'Redlens', template: '%s · Redlens' },
  description: 'A web admin dashboard for Redis.',
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request so the CSP nonce set by proxy.ts reaches Next's inline
  // scripts; a page prerendered at build time would carry no nonce and its scripts would be blocked.
  await connection();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    // suppressHydrationWarning: the theme script sets data-theme on <html> before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Before paint (blocking, not async): the stored or the system's theme, so a dark page
            never flashes white. app/theme.js/route.ts serves it. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts -- blocking is the point: before paint */}
        <script nonce={nonce} src="/theme.js" />
      </head>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only print:hidden focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow focus:outline-2 focus:outline-red-700"
        >
          Skip to content
        </a>
        {/* Each page supplies its <main id="main">: the dashboard shell, or the sign-in page. */}
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
