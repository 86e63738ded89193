// What Redlens POSTs to webhooks (the weekly report, finding alerts) and the sent reports' API
// shapes and query schemas (GET /api/reports/sent, GET /api/reports/sent/{id}). No server imports.
import { z } from 'zod';
import type { Severity } from '@/lib/health/types';

/**
 * The weekly report's POST: `text` is the fleet report's Markdown, the field chat webhooks
 * (Slack, Mattermost, Rocket.Chat) show; `week` the ISO week it covers; `generatedAt` ISO 8601.
 */
export interface ReportWebhookBody {
  text: string;
  week: string;
  generatedAt: string;
}

/** One finding that opened or closed (REDLENS_ALERT_WEBHOOK): one POST each. */
export interface FindingAlertBody {
  /** One line for a chat channel: "[warning] Cache (cache): opened: Cache hit ratio is low: 62 % ...". */
  text: string;
  state: 'opened' | 'closed';
  instance: { id: string; name: string };
  finding: { id: string; severity: Severity; title: string; detail: string };
  /** The sample that opened or closed it, ISO 8601 (a finding opens and closes after samples that hold: SPEC section 2). */
  at: string;
  /** When its condition started, ISO 8601. */
  since: string;
  /** A closed one's: when its condition ended, ISO 8601 (it was active from `since` to `endedAt`); null for an opened one. */
  endedAt: string | null;
}

export const SENT_REPORT_STATUSES = ['sending', 'sent', 'failed'] as const;
export type SentReportStatus = (typeof SENT_REPORT_STATUSES)[number];

/** A weekly report as the webhook was (or was to be) sent it, without its text. */
export interface SentReportSummary {
  id: number;
  /** The ISO week the report covers. */
  week: string;
  /** unix ms, when the report was made. */
  generatedAt: number;
  status: SentReportStatus;
  /** POSTs made so far. */
  attempts: number;
  /** unix ms, when the webhook took it; null until then. */
  sentAt: number | null;
  /** Why the last attempt failed. */
  error: string | null;
}

export interface SentReport extends SentReportSummary {
  /** The Markdown exactly as it was POSTed. */
  markdown: string;
}

export interface SentReportsResponse {
  /** When the report is sent (the config's `reports`, without the webhook: its address may be a secret); null when it is not. */
  schedule: { weekday: number; hour: number } | null;
  reports: SentReportSummary[];
}

/** The newest sent reports the list answers (ten years of weeks); the store keeps as many. */
export const SENT_REPORTS_MAX = 520;

export const SENT_REPORT_FORMATS = ['json', 'md'] as const;

export const sentReportParamsSchema = z
  .object({ id: z.string().regex(/^[1-9]\d{0,15}$/, 'must be a sent report\'s id (a positive whole number)') })
  .strict();

export const sentReportQuerySchema = z.object({ format: z.enum(SENT_REPORT_FORMATS).default('json') }).strict();
