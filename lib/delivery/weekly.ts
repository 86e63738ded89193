// The weekly report's delivery (SPEC section 13, the config's `reports`): once a minute, when the
// week just ended is due (./schedule.ts) and not yet sent, the fleet report's Markdown is made,
// kept in the store (./sent-reports.ts, which claims the week so it goes out once, across
// restarts too) and POSTed to the webhook through the webhook queue (retries, timeout); the row
// then says whether the webhook took it.
import 'server-only';
import { ApiError, notFound } from '@/lib/api/errors';
import type { ReportsDelivery } from '@/lib/config/schema';
import type { RedisInstance } from '@/lib/redis/registry';
import { fleetMarkdown } from '@/lib/report/markdown';
import { reportOfFleet, type ReportSettings, type ReportStores } from '@/lib/report/report';
import type { IsoWeek } from '@/lib/report/week';
import { dueWeek } from './schedule';
import type { SentReports } from './sent-reports';
import type { ReportWebhookBody, SentReportSummary } from './types';
import type { WebhookQueue } from './webhook';

/** How often the clock is looked at: the report goes out within this much of its hour. */
export const DELIVERY_CHECK_EVERY_MS = 60_000;
/**
 * The report's first retry waits a minute, each next one twice as long (1, 2, 4, 8 min over the
 * queue's WEBHOOK_MAX_ATTEMPTS): a chat service down for a quarter of an hour still gets it.
 */
export const REPORT_RETRY_BASE_MS = 60_000;
export const reportRetryDelayMs = (retry: number) => REPORT_RETRY_BASE_MS * 2 ** (retry - 1);

export interface ReportDeliveryDeps {
  schedule: ReportsDelivery;
  sent: SentReports;
  queue: WebhookQueue;
  /** The fleet report's Markdown for a week (`fleetMarkdownOf` below). */
  markdownOf: (week: IsoWeek, now: number) => Promise<string>;
  now?: () => number;
  checkEveryMs?: number;
}

/** What one look at the clock did. */
export type DeliveryCheck = 'not-due' | 'already-sent' | 'queued';

/** The fleet's report Markdown as the fleet route makes it: every configured instance, cluster nodes in their cluster. */
export function fleetMarkdownOf(stores: ReportStores, instances: () => RedisInstance[], settings: ReportSettings) {
  return async (week: IsoWeek, now: number): Promise<string> => {
    const fleet = instances().filter((instance) => !instance.memberOf);
    return fleetMarkdown(await reportOfFleet(stores, fleet, week, settings, now));
  };
}

export class ReportDelivery {
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<DeliveryCheck> | null = null;
  private readonly now: () => number;

  constructor(private readonly deps: ReportDeliveryDeps) {
    this.now = deps.now ?? Date.now;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.checkLogged(), this.deps.checkEveryMs ?? DELIVERY_CHECK_EVERY_MS);
    this.timer.unref();
    void this.checkLogged();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sends the week just ended when it is due and not sent yet; one look at a time. */
  check(): Promise<DeliveryCheck> {
    this.checking ??= this.checkOnce().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  /** The queued report delivered or given up on (tests, shutdown). */
  idle(): Promise<void> {
    return this.deps.queue.idle();
  }

  private async checkLogged(): Promise<void> {
    // A failure (the store, a report that cannot be made) is tried again at the next look.
    await this.check().catch((error: unknown) => console.error('[redlens] delivering the weekly report failed:', error));
  }

  private async checkOnce(): Promise<DeliveryCheck> {
    const { schedule, sent, markdownOf } = this.deps;
    const now = this.now();
    const week = dueWeek(now, schedule);
    if (!week) return 'not-due';
    if (sent.has(week.id)) return 'already-sent';
    const markdown = await markdownOf(week, now);
    const id = sent.claim(week.id, now, markdown);
    if (id === null) return 'already-sent';
    this.post(id, week.id, markdown, now);
    console.log(`[redlens] the weekly report of ${week.id} is being sent`);
    return 'queued';
  }

  /**
   * Sends a report whose delivery failed again, exactly as it was made (its kept Markdown): 404
   * for an unknown id, 409 unless it failed (a sent week is not posted twice, one being sent is
   * under way). Answers its row, `sending` again.
   */
  resend(id: number): SentReportSummary {
    const { sent } = this.deps;
    const current = sent.summary(id);
    if (!current) throw notFound(`No sent report with id ${id}.`);
    const report = sent.retry(id);
    if (!report) throw new ApiError('CONFLICT', `The report of ${current.week} is ${current.status === 'sent' ? 'sent already' : 'being sent'}: only a failed delivery is sent again.`);
    this.post(id, report.week, report.markdown, report.generatedAt);
    console.log(`[redlens] the weekly report of ${report.week} is being sent again`);
    return sent.summary(id)!;
  }

  /** POSTs one report through the queue (retries, timeout); its row says how it ended. */
  private post(id: number, week: string, markdown: string, generatedAt: number): void {
    const { schedule, sent, queue } = this.deps;
    const body: ReportWebhookBody = { text: markdown, week, generatedAt: new Date(generatedAt).toISOString() };
    queue.send(schedule.webhook, body, `the weekly report of ${week}`, (delivery) => {
      sent.finish(id, delivery.delivered ? { sentAt: this.now(), attempts: delivery.attempts } : { error: delivery.error, attempts: delivery.attempts });
    });
  }
}
