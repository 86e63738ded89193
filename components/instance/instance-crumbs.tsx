'use client';
// Where an instance's page sits: All instances / (a node's cluster) / the instance / the page.
// The same trail on every instance page; the names come from the instance list every page polls.
import Link from 'next/link';
import { Fragment } from 'react';
import { useInstances } from '@/lib/queries/instances';
import { useHydrated } from '@/lib/queries/use-hydrated';
import type { InstanceSummary } from '@/lib/api/types';
import { instanceCrumbs } from './model/crumbs';

const CRUMB_LINK =
  'break-all text-slate-600 hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700';

export function InstanceCrumbs({ id, page }: { id: string; page: string | null }) {
  const instances = useInstances();
  // The server renders the id: a list fetched before hydration must not change the first render.
  const hydrated = useHydrated();
  const summary = hydrated ? instances.data?.instances.find((instance) => instance.id === id) : undefined;
  return <InstanceCrumbTrail id={id} page={page} summary={summary} />;
}

/** The trail of an instance whose summary the caller already has (the instance page's header). */
export function InstanceCrumbTrail({ id, page, summary }: { id: string; page: string | null; summary: InstanceSummary | undefined }) {
  const trail = instanceCrumbs(id, page, summary);
  return (
    <nav aria-label="Breadcrumb" className="text-sm print:hidden" data-testid="breadcrumbs">
      <ol className="flex flex-wrap items-center gap-1 text-slate-600">
        {trail.map((crumb, index) => (
          <Fragment key={`${index}-${crumb.label}`}>
            {index > 0 ? <li aria-hidden="true">/</li> : null}
            <li data-testid={crumb.cluster ? 'cluster-crumbs' : undefined}>
              {crumb.cluster ? <span>A node of cluster </span> : null}
              {crumb.href === null ? (
                <span aria-current="page" className="break-all font-medium text-slate-900">
                  {crumb.label}
                </span>
              ) : (
                <Link href={crumb.href} className={`${CRUMB_LINK}${crumb.cluster ? ' font-medium' : ''}`}>
                  {crumb.label}
                </Link>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}
