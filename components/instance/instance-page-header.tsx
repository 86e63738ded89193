'use client';
// The head of an instance's pages (commands, latency, clients, config, analysis): back to the
// instance by its name, the title, what the page shows.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { useInstances } from '@/lib/queries/instances';
import { useHydrated } from '@/lib/queries/use-hydrated';

export function InstancePageHeader({ id, title, children }: { id: string; title: string; children: (name: string) => ReactNode }) {
  const instances = useInstances();
  const hydrated = useHydrated();
  const name = (hydrated && instances.data?.instances.find((instance) => instance.id === id)?.name) || id;
  return (
    <header className="space-y-2">
      <p className="text-sm">
        <Link
          href={`/instances/${encodeURIComponent(id)}`}
          className="break-all text-slate-600 hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          <span aria-hidden="true">← </span>
          {name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-600">{children(name)}</p>
    </header>
  );
}
