// Shapes of the weekly report (SPEC section 13: GET /api/instances/{id}/report and GET
// /api/report), shared by the server, its Markdown and HTML renderings and the report page. No
// server imports.
import { z } from 'zod';
import type { EventKind } from '@/lib/events/types';
import type { Severity } from '@/lib/health/types';
import { parseIsoWeek } from './week';

export const VERDICTS = ['ok', 'attention', 'action'] as const;
/** `ok`: nothing to do; `attention`: look at it this week (or it could not be judged); `action`: act. */
export type Verdict = (typeof VERDICTS)[number];
export const VERDICT_RANK: Record<Verdict, number> = { ok: 0, attention: 1, action: 2 };

/** The guide's "Regular Performance Maintenance" checklist, in its order. */
export const CHECKLIST = [
  { id: 'slowlog', title: 'Weekly slowlog analysis' },
  { id: 'fragmentation', title: 'Memory fragmentation monitoring' },
  { id: 'hit-ratio', title: 'Cache hit ratio analysis' },
  { id: 'connections', title: 'Connection pool optimization' },
  { id: 'expiration', title: 'Key expiration pattern review' },
  { id: 'data-structures', title: 'Data structure efficiency audit' },
  { id: 'trends', title: 'Performance trend analysis' },
  { id: 'load-testing', title: 'Load testing with production patterns' },
] as const;
export type ChecklistId = (typeof CHECKLIST)[number]['id'];

/** The production targets of SPEC section 2 whose share of time met the report measures. */
export const TARGET_IDS = ['latency', 'hit-ratio', 'memory', 'clients', 'evictions', 'fragmentation'] as const;
export type TargetId = (typeof TARGET_IDS)[number];

/**
 * How a figure reads: 'count' (entries, keys, findings: whole), 'number' (a plain figure such as
 * a fragmentation ratio), 'ratio' (0..1, shown as %), 'bytes', 'ms', 'us' (microseconds), 'ops/s',
 * 'keys/s', 'clients', 'duration' (ms of time), 'time' (a unix ms moment).
 */
export type FigureUnit = 'count' | 'number' | 'ratio' | 'bytes' | 'ms' | 'us' | 'ops/s' | 'keys/s' | 'clients' | 'duration' | 'time';

/** One figure of a checklist line: this week's, the week before's, and the change. */
export interface ReportFigure {
  id: string;
  label: string;
  unit: FigureUnit;
  /** null: no data this week (the line's `missing` says why), never a silent zero. */
  thisWeek: number | null;
  lastWeek: number | null;
  /** thisWeek - lastWeek; null when either is unknown or the unit is a moment. */
  delta: number | null;
}

/** A small table of a line (top fingerprints, big keys ...): cells already in words. */
export interface ReportTable {
  title: string;
  columns: string[];
  rows: string[][];
  /** Said instead of an empty table ("no new fingerprint this week"). */
  empty: string;
}

/** One value per day of the week (Monday first), with the target it is drawn against. */
export interface DailySeries {
  label: string;
  unit: FigureUnit;
  /** null: no samples that day. */
  values: Array<number | null>;
  /** The target line (a maximum or a minimum), null when there is none. */
  target: { value: number; kind: 'max' | 'min' } | null;
}

export interface ChecklistLine {
  id: ChecklistId;
  /** The guide's wording. */
  title: string;
  verdict: Verdict;
  /** Why, in one or two sentences with the numbers. */
  reason: string;
  figures: ReportFigure[];
  daily: DailySeries | null;
  tables: ReportTable[];
  /** What data this line lacked ("no keyspace analysis this week: the latest is from ..."). */
  missing: string[];
}

/** The time a target's figure was within it, out of the time it was measured. */
export interface TargetTime {
  /** 0..1, or null when nothing was measured. */
  share: number | null;
  /** ms of time with a measured value. */
  measuredMs: number;
  /** ms of it outside the target. */
  outsideMs: number;
}

export interface TargetShare {
  id: TargetId;
  /** "PING p95 < 1 ms" */
  label: string;
  threshold: number;
  /** the figure judged: 'ms', 'ratio', 'clients', 'keys/s' */
  unit: FigureUnit;
  thisWeek: TargetTime;
  lastWeek: TargetTime;
  /** This week, per day, Monday first. */
  days: TargetTime[];
  /** Why a share is missing ("maxmemory is 0: no limit to measure against"), or null. */
  note: string | null;
}

export type DayStatus = 'complete' | 'partial' | 'missing' | 'future';

/** How much of each day the history covers. */
export interface DayCoverage {
  /** YYYY-MM-DD (UTC) */
  date: string;
  status: DayStatus;
  /** ms of the day with samples where Redis answered */
  upMs: number;
  /** ms of the day with samples where Redis did not answer */
  downMs: number;
  /** ms of the day that had passed when the report was made (less than a day for today) */
  expectedMs: number;
}

export interface ReportEvent {
  at: number;
  kind: EventKind;
  title: string;
  detail: string;
  actor?: string;
  /** For `down`: how long until it answered again (to the week's end or now when it did not). */
  durationMs?: number;
}

export interface ReportFinding {
  id: string;
  severity: Severity;
  title: string;
  startedAt: number;
  /** null: still open */
  endedAt: number | null;
  /** ms it was open within the week */
  durationInWeekMs: number;
}

/** The keyspace analysis the report reads: the newest finished one by the week's end. */
export interface ReportAnalysis {
  id: string;
  startedAt: number;
  finishedAt: number;
  /** Finished within the week. */
  thisWeek: boolean;
  estimated: boolean;
}

export interface InstanceReport {
  instance: { id: string; name: string };
  week: string;
  /** unix ms: the week is [from, to) */
  from: number;
  to: number;
  previousWeek: string;
  generatedAt: number;
  checklist: ChecklistLine[];
  targets: TargetShare[];
  days: DayCoverage[];
  /** Events of the week, newest first (findings opening and closing are in `findings`). */
  events: ReportEvent[];
  eventsTruncated: boolean;
  /** Findings active at some time of the week, longest first. */
  findings: ReportFinding[];
  analysis: ReportAnalysis | null;
  /** What data was missing, in words; empty when nothing was. */
  missing: string[];
  /** How the share of time was judged: per minute, or per hour where only hourly rollups are kept. */
  resolution: string;
  /** The oldest history Redlens keeps for the instance (unix ms): weeks before it have no data. Null: none at all. */
  dataSince: number | null;
}

export interface FleetLineSummary {
  id: ChecklistId;
  title: string;
  /** The worst verdict of any instance. */
  verdict: Verdict;
  /** Instance ids per verdict. */
  instances: Record<Verdict, string[]>;
}

export interface FleetReport {
  week: string;
  from: number;
  to: number;
  previousWeek: string;
  generatedAt: number;
  summary: FleetLineSummary[];
  instances: InstanceReport[];
  /** The oldest history of any instance (unix ms), null when there is none. */
  dataSince: number | null;
}

export const REPORT_FORMATS = ['json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `?week=YYYY-Www` (no week: the current one) and `?format=` (json by default); anything else is a 400. */
export const reportQuerySchema = z
  .object({
    week: z
      .string()
      .refine((value) => parseIsoWeek(value) !== null, 'must be an ISO week YYYY-Www (W01 to W52, or W53 in a 53-week year)')
      .optional(),
    format: z.enum(REPORT_FORMATS).default('json'),
  })
  .strict();
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** `redlens-report-cache-2026-W49.md`: the subject is an instance id or "fleet" (both file-name safe). */
export const reportFileName = (subject: string, week: string, format: ReportFormat) => `redlens-report-${subject}-${week}.${format}`;
