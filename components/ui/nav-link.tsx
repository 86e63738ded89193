'use client';
// A header link that marks the current page for screen readers (aria-current) and the eye.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';

interface NavLinkProps {
  href: string;
  children: ReactNode;
  /** Other paths this entry owns, e.g. "/instances" for the fleet overview's detail pages. */
  matchPrefix?: string;
}

export function NavLink({ href, children, matchPrefix }: NavLinkProps) {
  const pathname = usePathname();
  const current = pathname === href || (matchPrefix !== undefined && pathname.startsWith(matchPrefix));
  return (
    <Link
      href={href}
      aria-current={current ? 'page' : undefined}
      className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700 aria-[current=page]:font-semibold aria-[current=page]:text-slate-900"
    >
      {children}
    </Link>
  );
}
