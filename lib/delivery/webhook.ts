// POSTs JSON to a webhook (a chat channel's, an alert receiver's) from a bounded queue, one at a
// time in order, each POST under a timeout, retried with backoff when the receiver answers 5xx
// (or 429) or does not answer. `send` only queues: whoever calls it (the sampler) never waits
// for the receiver. The URL may carry a secret (a chat webhook's path), so logs name its host only.
import 'server-only';

/** One POST waits this long for the receiver's answer before it counts as not answered. */
export const WEBHOOK_TIMEOUT_MS = 5000;
/** POSTs one message gets at most (the first and its retries). */
export const WEBHOOK_MAX_ATTEMPTS = 5;
/** Messages waiting at most; past it the oldest is dropped (with a log line). */
export const WEBHOOK_QUEUE_MAX = 500;
/** The first retry waits this long, each next one twice as long, up to WEBHOOK_RETRY_MAX_MS. */
export const WEBHOOK_RETRY_BASE_MS = 1000;
export const WEBHOOK_RETRY_MAX_MS = 60_000;
/** A webhook's body is at most this big (chat services refuse far less; the report is trimmed before). */
export const WEBHOOK_BODY_MAX_BYTES = 1024 * 1024;

/** How one POST went: `retry` when trying again may help (5xx, 429, no answer). */
export type PostOutcome = { ok: true; status: number } | { ok: false; retry: boolean; error: string };

/** The host a log line may name: never the path or the query, which may be the webhook's secret. */
export function webhookHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(not a URL)';
  }
}

/** One POST of `body` as JSON, answered within `timeoutMs` or counted as not answered. */
export async function postJson(url: string, body: unknown, timeoutMs: number = WEBHOOK_TIMEOUT_MS): Promise<PostOutcome> {
  const text = JSON.stringify(body);
  if (Buffer.byteLength(text) > WEBHOOK_BODY_MAX_BYTES) return { ok: false, retry: false, error: `the body is over ${WEBHOOK_BODY_MAX_BYTES} bytes` };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'redlens' },
      body: text,
      // A webhook that moves is refused rather than followed: the body would go where no one configured.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The answer's body is not read: free the connection.
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status };
    const retry = response.status >= 500 || response.status === 429;
    return { ok: false, retry, error: `the receiver answered ${response.status}` };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const why = name === 'TimeoutError' || name === 'AbortError'
      ? `no answer within ${timeoutMs} ms`
      : `no answer (${error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error)})`;
    return { ok: false, retry: true, error: why };
  }
}

export interface WebhookQueueOptions {
  /** What the log lines call this queue ("finding alerts", "weekly report"). */
  name: string;
  timeoutMs?: number;
  maxAttempts?: number;
  maxQueued?: number;
  /** The wait before retry `n` (1-based); default WEBHOOK_RETRY_BASE_MS * 2^(n-1), capped. */
  retryDelayMs?: (retry: number) => number;
  log?: (line: string) => void;
}

/** What became of one message: delivered, or given up on after its attempts (or dropped unsent). */
export type Delivery = { delivered: true; attempts: number } | { delivered: false; attempts: number; error: string };

interface Queued {
  url: string;
  body: unknown;
  /** How the log names it when it is dropped or given up on. */
  label: string;
  done?: (delivery: Delivery) => void;
}

const defaultDelay = (retry: number) => Math.min(WEBHOOK_RETRY_BASE_MS * 2 ** (retry - 1), WEBHOOK_RETRY_MAX_MS);

export class WebhookQueue {
  private readonly queue: Queued[] = [];
  private running: Promise<void> | null = null;
  private closed = false;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly maxQueued: number;
  private readonly retryDelayMs: (retry: number) => number;
  private readonly log: (line: string) => void;
  /** Wakes a retry's wait early when the queue is closed. */
  private wake: (() => void) | null = null;

  constructor(private readonly options: WebhookQueueOptions) {
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
    this.maxAttempts = options.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS;
    this.maxQueued = options.maxQueued ?? WEBHOOK_QUEUE_MAX;
    this.retryDelayMs = options.retryDelayMs ?? defaultDelay;
    this.log = options.log ?? ((line) => console.warn(line));
  }

  /** Messages waiting (the one being sent not counted). */
  get pending(): number {
    return this.queue.length;
  }

  /** Queues one message and returns at once; `done` hears what became of it. */
  send(url: string, body: unknown, label: string, done?: (delivery: Delivery) => void): void {
    if (this.closed) return;
    this.queue.push({ url, body, label, ...(done && { done }) });
    while (this.queue.length > this.maxQueued) {
      const dropped = this.queue.shift()!;
      this.log(`[redlens] ${this.options.name}: ${this.maxQueued} messages are waiting for ${webhookHost(dropped.url)}; dropped the oldest (${dropped.label})`);
      dropped.done?.({ delivered: false, attempts: 0, error: 'dropped: too many messages were waiting' });
    }
    this.running ??= this.drain();
  }

  /** Resolves once every queued message was delivered or given up on (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Stops sending: what waits is dropped, a retry's wait ends now. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.wake?.();
  }

  private async drain(): Promise<void> {
    // Not before `running` is set by send.
    await Promise.resolve();
    try {
      for (let item = this.queue.shift(); item && !this.closed; item = this.queue.shift()) {
        const delivery = await this.deliver(item);
        if (!delivery.delivered) this.log(`[redlens] ${this.options.name}: gave up on ${item.label} to ${webhookHost(item.url)} after ${delivery.attempts} attempt(s): ${delivery.error}`);
        try {
          item.done?.(delivery);
        } catch (error) {
          console.error(`[redlens] ${this.options.name}: recording a delivery failed:`, error);
        }
      }
    } finally {
      // In the same turn as the loop's last look at the queue: a message queued from now on
      // starts a new drain (a `.finally()` chained outside would leave a turn in between).
      this.running = null;
    }
  }

  private async deliver(item: Queued): Promise<Delivery> {
    let error = 'not sent';
    for (let attempt = 1; attempt <= this.maxAttempts; attempt++) {
      if (attempt > 1) {
        await this.pause(this.retryDelayMs(attempt - 1));
        if (this.closed) return { delivered: false, attempts: attempt - 1, error: `${error}; Redlens stopped sending` };
      }
      const outcome = await postJson(item.url, item.body, this.timeoutMs);
      if (outcome.ok) return { delivered: true, attempts: attempt };
      error = outcome.error;
      if (!outcome.retry) return { delivered: false, attempts: attempt, error };
    }
    return { delivered: false, attempts: this.maxAttempts, error };
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
