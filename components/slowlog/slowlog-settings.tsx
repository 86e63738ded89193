'use client';
// The slow log settings and how full the log is, with the server's warnings first: a disabled,
// coarse or short slow log hides the problems this page is for. An admin changes either setting
// here through the config audit's apply (SPEC section 3).
import { useParams } from 'next/navigation';
import { useId } from 'react';
import type { SlowlogConfig } from '@/lib/slowlog/types';
import { formatNumber, formatPercent, plural } from '@/lib/format';
import { describeSlowerThan, formatMicros } from './model/durations';
import { Card } from '@/components/ui/card';
import { Stat, StatList } from '@/components/ui/stat';
import { AdminOnly } from '@/components/auth/admin-only';
import { ApplySetting } from '@/components/config/apply-setting';

interface SlowlogSettingsProps {
  config: SlowlogConfig;
  /** SLOWLOG LEN */
  length: number;
  /** Entries the live view received (the server reads at most a few hundred). */
  shown: number;
  /**
   * A Redis Cluster instance: the values are those its nodes agree on (null where they differ),
   * and a setting is changed on each node's own page, never on the cluster as a whole.
   */
  cluster?: boolean;
}

export function SlowlogSettings({ config, length, shown, cluster = false }: SlowlogSettingsProps) {
  const headingId = useId();
  // The page's /instances/{id}: read from the route rather than threaded through the live view.
  // Outside a page (a static render) there is none, and no edit is offered.
  const instanceId = useParams<{ id: string }>()?.id;
  const { slowerThanMicros, maxLen, warnings } = config;
  return (
    <section aria-labelledby={headingId} data-testid="slowlog-settings">
      <Card className="space-y-3">
        <h2 id={headingId} className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Settings
        </h2>
        {warnings.length > 0 ? (
          <ul className="space-y-1.5">
            {warnings.map((warning) => (
              <li
                key={warning}
                data-testid="slowlog-settings-warning"
                className="flex gap-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950"
              >
                <span aria-hidden="true">⚠</span>
                <span>
                  <span className="sr-only">Warning: </span>
                  {warning}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        <StatList>
          <Stat
            label="slowlog-log-slower-than"
            value={cluster && slowerThanMicros === null ? 'differs between nodes' : describeSlowerThan(slowerThanMicros)}
            hint={
              slowerThanMicros !== null && slowerThanMicros >= 1000
                ? `${formatMicros(slowerThanMicros)}; recommended > 0 and ≤ 10,000 µs`
                : 'recommended > 0 and ≤ 10,000 µs'
            }
          />
          <Stat
            label="slowlog-max-len"
            value={maxLen === null ? (cluster ? 'differs between nodes' : 'unknown') : plural(maxLen, 'entry', 'entries')}
            hint="recommended ≥ 128"
          />
          <Stat
            label="In the slow log now"
            value={plural(length, 'entry', 'entries')}
            hint={fullness(length, maxLen, shown)}
          />
        </StatList>
        {cluster ? (
          <p className="text-sm text-slate-600">
            Every node keeps its own slow log and settings: change them on each node&apos;s own slow log page (the nodes
            are listed below).
          </p>
        ) : instanceId ? (
          <AdminOnly>
            <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600" data-testid="slowlog-settings-edit">
              <span>Change:</span>
              <ApplySetting
                id={instanceId}
                name="slowlog-log-slower-than"
                current={slowerThanMicros === null ? null : String(slowerThanMicros)}
                suggested={slowerThanMicros !== null && slowerThanMicros > 0 && slowerThanMicros <= 10_000 ? String(slowerThanMicros) : '10000'}
                label="slowlog-log-slower-than…"
              />
              <ApplySetting
                id={instanceId}
                name="slowlog-max-len"
                current={maxLen === null ? null : String(maxLen)}
                suggested={maxLen !== null && maxLen >= 128 ? String(maxLen) : '128'}
                label="slowlog-max-len…"
              />
            </div>
          </AdminOnly>
        ) : null}
      </Card>
    </section>
  );
}

/** How full the log is, and whether the live table shows all of it. */
function fullness(length: number, maxLen: number | null, shown: number): string | undefined {
  const parts: string[] = [];
  if (maxLen !== null && maxLen > 0) parts.push(`${formatPercent(length / maxLen, 0)} of slowlog-max-len`);
  if (shown < length) parts.push(`the newest ${formatNumber(shown, 0)} are listed below; the archive keeps every one`);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
