// GET /api/instances/{id}/report and GET /api/report (SPEC section 13): the week's data read from
// Redlens's own store for the week and the one before, made into the report (./compute.ts), for
// one instance or every configured one (the nodes of a Redis Cluster are read as their cluster).
import 'server-only';
import type { EventsStore } from '@/lib/events/events-store';
import type { Thresholds } from '@/lib/health-targets';
import type { Store } from '@/lib/store/sqlite';
import { fleetReport, instanceReport } from './compute';
import type { WeekData } from './data';
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

export function reportOfInstance(
  stores: ReportStores, instance: { id: string; name: string }, week: IsoWeek, settings: ReportSettings, now: number,
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
  });
}

/**
 * Every instance's report, one after the other with a turn of the event loop between them: one
 * instance's two weeks of minute rollups take a few hundred ms to read and judge, and the
 * sampler's ticks and other requests must not wait for the whole fleet.
 */
export async function reportOfFleet(
  stores: ReportStores, instances: ReadonlyArray<{ id: string; name: string }>, week: IsoWeek, settings: ReportSettings, now: number,
): Promise<FleetReport> {
  const reports: InstanceReport[] = [];
  for (const instance of instances) {
    if (reports.length > 0) await new Promise((resolve) => setImmediate(resolve));
    reports.push(reportOfInstance(stores, instance, week, settings, now));
  }
  return fleetReport({ id: week.id, from: week.from, to: week.to, previous: previousWeek(week).id }, reports, now);
}
