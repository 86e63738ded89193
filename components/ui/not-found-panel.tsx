import Link from 'next/link';
import type { ReactNode } from 'react';

/** A full-page "nothing here" with the way back to the fleet. */
export function NotFoundPanel({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <div className="mx-auto max-w-prose py-10 text-center" data-testid={testId}>
      <h1 className="break-words text-2xl font-bold text-slate-900">{title}</h1>
      <p className="mt-2 text-sm text-slate-600">{children}</p>
      <p className="mt-4">
        <Link
          href="/"
          className="font-medium text-red-700 underline hover:text-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          Back to all instances
        </Link>
      </p>
    </div>
  );
}
