// GET /api/instances/{id}/report and GET /api/report (SPEC section 13): the week's data read from
// Redlens's own store for the week and the one before (and, for the current week, who is
// connected now), made into the report (./compute.ts), for one instance or every configured one
// (the nodes of a Redis Cluster are read as their cluster).
import 'server-only';
import type { EventsStore } from '@/lib/events/events-store';
import type { RedisInstance } from '@/lib/redis/registry';
import type { Thresholds } from '@/lib/health-targets';
import type { Store } from '@/lib/store/sqlite';
import { clientsNowOf } from './clients-now';
import { fleetReport, instanceReport } from './compute';
import type { ClientsNow, WeekData } from './data';
import { readDataSince, readFindings, readHistoryBuckets, readLatestAnalysis, readSlowlogWeek } from './read';
import type { FleetReport, InstanceReport } from './types';
import { isoWeekOf, parseIsoWeek, previousWeek, type IsoWeek } from './week';

/** Events one instance's report lists at most (newest first; the report says when there were more). */
export const REPORT_EVENTS_LIMIT = 500;

export interface ReportStores {
  store: Store;
  events: EventsStore;
}

export interface ReportSettings {
  sampleIntervalSeconds: number;
  thresholds: Thresholds;
}

/** The week asked for (already validated by reportQuerySchema), or the current one. */
export function weekOf(id: string | undefined, now: number): IsoWeek {
  return (id === undefined ? null : parseIsoWeek(id)) ?? isoWeekOf(now);
}

function weekData(db: Store, instance: string, week: IsoWeek): WeekData {
  return {
    week,
    buckets: readHistoryBuckets(db, instance, week),
    slowlog: readSlowlogWeek(db, instance, week),
    analysis: readLatestAnalysis(db, instance, week.to),
  };
}

/** One instance's report; `clientsNow` is who is connected now (the current week only, else null). */
function reportOf(
  stores: ReportStores, instance: { id: string; name: string }, week: IsoWeek, settings: ReportSettings, now: number, clientsNow: ClientsNow | null,
): InstanceReport {
  const { events, truncated } = stores.events.list(instance.id, week.from, week.to - 1, REPORT_EVENTS_LIMIT);
  return instanceReport({
    instance: { id: instance.id, name: instance.name },
    now,
    sampleIntervalMs: settings.sampleIntervalSeconds * 1000,
    thresholds: settings.thresholds,
    thisWeek: weekData(stores.store, instance.id, week),
    lastWeek: weekData(stores.store, instance.id, previousWeek(week)),
    events,
    eventsTruncated: truncated,
    findings: readFindings(stores.store, instance.id, week),
    dataSince: readDataSince(stores.store, instance.id),
    clientsNow,
  });
}

export async function reportOfInstance(
  stores: ReportStores, instance: RedisInstance, week: IsoWeek, settings: ReportSettings, now: number,
): Promise<InstanceReport> {
  const clients = await clientsNowOf(instance, week, now, settings.thresholds.clientsMax);
  return reportOf(stores, instance, week, settings, now, clients);
}

/**
 * Every instance's report, one after the other with a turn of the event loop between them: one
 * instance's two weeks of minute rollups take a few hundred ms to read and judge, and the
 * sampler's ticks and other requests must not wait for the whole fleet.
 */
export async function reportOfFleet(
  stores: ReportStores, instances: readonly RedisInstance[], week: IsoWeek, settings: ReportSettings, now: number,
): Promise<FleetReport> {
  // Every instance's CLIENT LIST at once (each bounded by the Redis timeouts), not one after the other.
  const clients = await Promise.all(instances.map((instance) => clientsNowOf(instance, week, now, settings.thresholds.clientsMax)));
  const reports: InstanceReport[] = [];
  for (const [index, instance] of instances.entries()) {
    if (reports.length > 0) await new Promise((resolve) => setImmediate(resolve));
    reports.push(reportOf(stores, instance, week, settings, now, clients[index]!));
  }
  return fleetReport({ id: week.id, from: week.from, to: week.to, previous: previousWeek(week).id }, reports, now);
}
