'use client';
// One instance on the fleet overview: identity and status from the list, figures from its INFO.
import Link from 'next/link';
import type { UseQueryResult } from '@tanstack/react-query';
import type { InfoResponse, InstanceSummary } from '@/lib/api/types';
import { useInfo } from '@/lib/queries/instances';
import { ApiRequestError } from '@/lib/queries/fetch-json';
import { endSentence, formatClock } from '@/lib/format';
import { Card } from '@/components/ui/card';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { HealthLight } from '@/components/health/health-light';
import { InstanceCardFigures } from './instance-card-figures';
import { isInfoUnavailable } from './info-availability';
import { InstanceStatusBadge } from './instance-status-badge';

export function InstanceCard({ instance }: { instance: InstanceSummary }) {
  const up = instance.status === 'up';
  // A down instance's INFO would only fail; the list poll tells us when it is back.
  const info = useInfo(instance.id, { enabled: up });

  return (
    <Card
      data-testid={`instance-card-${instance.id}`}
      className="relative flex h-full flex-col gap-4 transition-shadow hover:shadow-md has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-red-700"
    >
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 className="break-words text-base font-semibold text-slate-900">
            {/* The ::after box stretches the link over the whole card, so the card is one click target
                while screen readers hear only the name as the link text. */}
            <Link
              href={`/instances/${encodeURIComponent(instance.id)}`}
              className="after:absolute after:inset-0 after:rounded-lg hover:underline focus-visible:outline-none"
            >
              {instance.name}
            </Link>
          </h2>
          <p className="break-all font-mono text-xs text-slate-500">
            {instance.address}
            {instance.tls ? ' · TLS' : ''}
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <InstanceStatusBadge status={instance.status} infoUnavailable={up && isInfoUnavailable(info.error)} />
          {/* From the sampler's store, not from Redis: it still tells what was wrong while Redis is down. */}
          <HealthLight id={instance.id} />
        </div>
      </div>

      {up ? (
        <CardBody info={info} name={instance.name} />
      ) : (
        <p className="break-words text-sm text-red-800">
          Unreachable: {endSentence(instance.error ?? 'no reason given')} Redlens retries automatically.
        </p>
      )}
    </Card>
  );
}

/** Figures when INFO answered; on a failed poll the last ones, marked stale, under the reason. */
function CardBody({ info, name }: { info: UseQueryResult<InfoResponse>; name: string }) {
  if (info.isPending) {
    return (
      <Loading label={`Loading figures for ${name}…`}>
        <div className="space-y-2">
          <Skeleton className="h-2 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
      </Loading>
    );
  }
  if (isInfoUnavailable(info.error)) {
    return (
      <p className="break-words text-sm text-amber-900" data-testid="info-unavailable">
        Up (PING answers), but INFO is unavailable: {endSentence(info.error.message)} The figures need INFO; health
        and history still show what Redlens recorded.
      </p>
    );
  }
  return (
    <>
      {info.isError ? (
        <p className="break-words text-sm text-red-800">
          INFO failed{info.error instanceof ApiRequestError ? ` (${info.error.code})` : ''}:{' '}
          {endSentence(info.error.message)} Retrying automatically.
          {info.data ? ` Figures below are stale since ${formatClock(info.data.fetchedAt)}.` : ''}
        </p>
      ) : null}
      {info.data ? (
        <div className={info.isError ? 'opacity-50 grayscale' : undefined}>
          <InstanceCardFigures derived={info.data.derived} thresholds={info.data.thresholds} />
        </div>
      ) : null}
    </>
  );
}
