'use client';
// The one alert on every page: which Redis is unreachable, or that Redlens' own server is.
// It reads a poll of the instances' status, so it disappears by itself once they answer again.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import type { InstanceSummary } from '@/lib/api/types';
import { ApiRequestError } from '@/lib/queries/fetch-json';
import { useFleet } from '@/lib/queries/fleet';
import { useInstances } from '@/lib/queries/instances';
import { endSentence } from '@/lib/format';

/** The overview's own path: its one poll (GET /api/fleet) already says which Redis is down. */
const OVERVIEW_PATH = '/';

export function DownBanner() {
  // The overview polls the fleet answer, which carries every status; polling the instance list
  // beside it would ask the same PINGs twice. Every other page polls the list.
  return usePathname() === OVERVIEW_PATH ? <FleetDownBanner /> : <ListDownBanner />;
}

function FleetDownBanner() {
  const { data, error, isError } = useFleet();
  return <DownBannerOf instances={data?.instances} error={isError ? error : null} />;
}

function ListDownBanner() {
  const { data, error, isError } = useInstances();
  return <DownBannerOf instances={data?.instances} error={isError ? error : null} />;
}

function DownBannerOf({ instances, error }: { instances: InstanceSummary[] | undefined; error: Error | null }) {
  // On a failed poll TanStack keeps the last list; its statuses are stale, so say only what we know.
  if (error) return <Banner>{serverProblem(error)}</Banner>;
  // A cluster's node is not a Redis of its own here (the overview has no card for it): the cluster
  // stands for it, down when no node answers, and its node-failed finding names a node that stopped.
  const down = instances?.filter((instance) => instance.status === 'down' && !instance.memberOf) ?? [];
  if (down.length === 0) return null;
  if (down.length === 1 && down[0]) {
    return (
      <Banner>
        <DownSentence instance={down[0]} /> Redlens retries automatically.
      </Banner>
    );
  }
  return (
    <Banner>
      {down.length} Redis instances are unreachable. Redlens retries automatically.{' '}
      <ul className="mt-1 list-disc pl-5">
        {down.map((instance) => (
          <li key={instance.id}>
            <DownSentence instance={instance} />{' '}
          </li>
        ))}
      </ul>
    </Banner>
  );
}

function serverProblem(error: Error): string {
  if (error instanceof ApiRequestError && error.code !== 'NETWORK' && error.status < 500) {
    return `Redlens could not list the instances (${error.code}): ${endSentence(error.message)}`;
  }
  return 'The Redlens server is unreachable, so the status of Redis is unknown. This page retries automatically.';
}

function DownSentence({ instance }: { instance: InstanceSummary }) {
  return (
    <>
      Redis{' '}
      <Link
        href={`/instances/${encodeURIComponent(instance.id)}`}
        className="font-semibold underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-800"
      >
        {instance.name}
      </Link>{' '}
      ({instance.address}) is unreachable: {endSentence(instance.error ?? 'no reason given')}
    </>
  );
}

function Banner({ children }: { children: ReactNode }) {
  return (
    <div role="alert" data-testid="down-banner" className="border-b border-red-300 bg-red-50 text-sm text-red-900 print:hidden">
      <div className="mx-auto flex max-w-7xl gap-2 px-4 py-3">
        <span aria-hidden="true">⚠</span>
        <div className="min-w-0 break-words">{children}</div>
      </div>
    </div>
  );
}
