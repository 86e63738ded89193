// Finding alerts (SPEC section 6, REDLENS_ALERT_WEBHOOK): one POST per finding that opens or
// closes, queued for the webhook queue (./webhook.ts), which retries and bounds them. Called by
// the sampler as findings open and close; it only queues, so a slow or hung receiver never
// delays a sample.
import 'server-only';
import { formatDuration } from '@/lib/format';
import type { Finding, Severity } from '@/lib/health/types';
import type { FindingAlertBody } from './types';
import type { WebhookQueue } from './webhook';

/** A finding as it closed: its last result's words, when it started and ended. */
export interface ClosedFinding {
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  startedAt: number;
  endedAt: number | null;
}

/** The chat line of an alert: severity, instance, what happened. */
function alertText(body: Omit<FindingAlertBody, 'text'>, lastedMs: number | null): string {
  const who = body.instance.name === body.instance.id ? body.instance.id : `${body.instance.name} (${body.instance.id})`;
  const what = body.state === 'opened'
    ? `opened: ${body.finding.title}: ${body.finding.detail}`
    : `closed: ${body.finding.title}${lastedMs === null ? '' : ` (active ${formatDuration(lastedMs / 1000)})`}`;
  return `[${body.finding.severity}] ${who}: ${what}`;
}

export function openedAlert(instance: { id: string; name: string }, at: number, finding: Finding): FindingAlertBody {
  const body = {
    state: 'opened' as const, instance,
    finding: { id: finding.id, severity: finding.severity, title: finding.title, detail: finding.detail },
    at: new Date(at).toISOString(), since: new Date(finding.since).toISOString(), endedAt: null,
  };
  return { text: alertText(body, null), ...body };
}

export function closedAlert(instance: { id: string; name: string }, at: number, finding: ClosedFinding): FindingAlertBody {
  const endedAt = finding.endedAt ?? at;
  const body = {
    state: 'closed' as const, instance,
    finding: { id: finding.id, severity: finding.severity, title: finding.title, detail: finding.detail },
    at: new Date(at).toISOString(), since: new Date(finding.startedAt).toISOString(), endedAt: new Date(endedAt).toISOString(),
  };
  return { text: alertText(body, endedAt - finding.startedAt), ...body };
}

export class FindingAlerts {
  constructor(
    private readonly url: string,
    private readonly queue: WebhookQueue,
    /** The instance's display name (its id when it has none). */
    private readonly nameOf: (id: string) => string = (id) => id,
  ) {}

  /** Queues one POST per finding opened and closed by one sample; returns at once and never throws. */
  findings(instance: string, at: number, opened: readonly Finding[], closed: readonly ClosedFinding[]): void {
    try {
      const who = { id: instance, name: this.nameOf(instance) };
      for (const finding of opened) this.queue.send(this.url, openedAlert(who, at, finding), `${instance} ${finding.id} opened`);
      for (const finding of closed) this.queue.send(this.url, closedAlert(who, at, finding), `${instance} ${finding.id} closed`);
    } catch (error) {
      console.error('[redlens] queueing finding alerts failed:', error);
    }
  }

  /** Every queued alert delivered or given up on (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  close(): void {
    this.queue.close();
  }
}
