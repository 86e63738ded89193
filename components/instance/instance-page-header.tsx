'use client';
// The head of an instance's pages (commands, latency, clients, config, analysis): the breadcrumb
// trail back to the instance by its name, the title, what the page shows.
import type { ReactNode } from 'react';
import { useInstances } from '@/lib/queries/instances';
import { useHydrated } from '@/lib/queries/use-hydrated';
import { InstanceCrumbs } from './instance-crumbs';

export function InstancePageHeader({ id, title, children }: { id: string; title: string; children: (name: string) => ReactNode }) {
  const instances = useInstances();
  const hydrated = useHydrated();
  const name = (hydrated && instances.data?.instances.find((instance) => instance.id === id)?.name) || id;
  return (
    <header className="space-y-2">
      <InstanceCrumbs id={id} page={title} />
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      <p className="text-sm text-slate-600">{children(name)}</p>
    </header>
  );
}
