import type { ReactNode } from 'react';

/** The page's main region, target of the root layout's "Skip to content" link (#main). */
export function PageMain({ children, className = 'mx-auto max-w-7xl px-4 py-6' }: { children: ReactNode; className?: string }) {
  // tabIndex -1: the skip link moves focus here, not only the scroll position.
  return (
    <main id="main" tabIndex={-1} className={`focus:outline-none ${className}`}>
      {children}
    </main>
  );
}
