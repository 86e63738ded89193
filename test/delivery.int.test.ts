// Webhook delivery (SPEC sections 6 and 13) against a real HTTP receiver (node:http on a loopback
// port) and a real Redis: the weekly report arrives at the configured weekday and hour of a fake
// clock, once per week (a restart of Redlens included), kept and listed by the routes; one POST
// per finding that opens or closes; retries when the receiver answers 500 or does not answer;
// a bounded queue; and a receiver that never answers does not delay the sampler's ticks.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as sentListRoute } from '@/app/api/reports/sent/route';
import { GET as sentOneRoute } from '@/app/api/reports/sent/[id]/route';
import { POST as resendRoute } from '@/app/api/reports/sent/[id]/resend/route';
import { GET as auditRoute } from '@/app/api/audit/route';
import { POST as loginRoute } from '@/app/api/auth/login/route';
import type { AuditResponse } from '@/lib/audit/types';
import { GET as fleetReportRoute } from '@/app/api/report/route';
import { FindingAlerts } from '@/lib/delivery/alerts';
import type { FindingAlertBody, ReportWebhookBody, SentReport, SentReportsResponse } from '@/lib/delivery/types';
import { WebhookQueue, type Delivery } from '@/lib/delivery/webhook';
import { fleetMarkdownOf, ReportDelivery } from '@/lib/delivery/weekly';
import { Sampler } from '@/lib/sampler/sampler';
import { DAY_MS, isoWeekOf, nextWeek, previousWeek } from '@/lib/report/week';
import { server as redlens } from '@/lib/server/root';
import { call, cookieOf, useAppEnv } from '@/test/app-env';
import { eventually, redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { samplerHarness } from '@/test/sampler-harness';

const HOUR = 3_600_000;
const TOKEN = 'delivery-token';
const headers = { authorization: `Bearer ${TOKEN}` };
const ADMIN_PASSWORD = 'delivery-admin-password';
/** Short waits between retries, so the tests take milliseconds, not the default seconds. */
const QUICK_RETRY = () => 20;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Answer = number | 'hang';
interface Received {
  path: string;
  contentType: string | undefined;
  body: unknown;
}

/**
 * A webhook receiver: records every POST and answers each with the next of `answers` (200 once
 * they run out); 'hang' never answers (the connection stays open until the receiver closes).
 */
async function startReceiver() {
  const received: Received[] = [];
  const answers: Answer[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', contentType: request.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      const answer = answers.shift() ?? 200;
      if (answer === 'hang') return;
      response.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    answers,
    url: (hookPath: string) => `http://127.0.0.1:${port}${hookPath}`,
    bodies: <T>(hookPath: string) => received.filter((r) => r.path === hookPath).map((r) => r.body as T),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let redis: RedisServer;

beforeAll(async () => {
  receiver = await startReceiver();
  redis = await startTestRedis({ args: ['--maxmemory', '1gb'] });
});
afterAll(async () => {
  await receiver.close();
  await stopRedis(redis, { removeDir: true });
});
afterEach(() => {
  receiver.answers.length = 0;
});

describe('the weekly report to the webhook', () => {
  // A Wednesday 09:00 UTC schedule, seen from the ISO week before the current one (its week
  // before is then a finished week the fleet route answers for too).
  const THIS_WEEK = previousWeek(isoWeekOf(Date.now()));
  const DUE = THIS_WEEK.from + 2 * DAY_MS + 9 * HOUR;
  const clock = { now: DUE - 60_000 };
  let dataDir: string;
  const deliveries: ReportDelivery[] = [];

  /** The delivery as the root builds it, with the test's clock and quick retries. */
  function delivery(): ReportDelivery {
    const root = redlens();
    const made = new ReportDelivery({
      schedule: root.config.reports!, sent: root.sentReports,
      queue: new WebhookQueue({ name: 'weekly report (test)', retryDelayMs: QUICK_RETRY, log: () => undefined }),
      markdownOf: fleetMarkdownOf(root, () => root.registry.list(), root.config),
      now: () => clock.now, checkEveryMs: 20,
    });
    deliveries.push(made);
    return made;
  }

  const sentList = async () => {
    const response = await call(sentListRoute, 'GET', '/api/reports/sent', { headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as SentReportsResponse;
    // When, never where: the webhook's address may be a secret.
    expect(body.schedule).toEqual({ weekday: 3, hour: 9 });
    return body.reports;
  };
  const sentOne = (id: string, query = '') => call(sentOneRoute, 'GET', `/api/reports/sent/${id}${query}`, { headers, params: { id } });

  beforeAll(() => {
    ({ dataDir } = useAppEnv({ instances: [{ id: 'r', name: 'Cache', url: redisUrl(redis) }], env: { REDLENS_API_TOKEN: TOKEN, REDLENS_ADMIN_PASSWORD: ADMIN_PASSWORD } }));
    const configFile = path.join(dataDir, 'redlens.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
    writeFileSync(configFile, JSON.stringify({ ...config, reports: { weekday: 'wednesday', hour: 9, webhook: receiver.url('/hooks/report') } }));
  });
  afterAll(async () => {
    for (const made of deliveries) made.stop();
    await redlens().registry.close();
  });

  it('is built from the config, and only then', () => {
    expect(redlens().config.reports).toEqual({ weekday: 3, hour: 9, webhook: receiver.url('/hooks/report') });
    expect(redlens().reportDelivery).toBeInstanceOf(ReportDelivery);
    // No REDLENS_ALERT_WEBHOOK here: no alerts.
    expect(redlens().alerts).toBeNull();
  });

  it('arrives at the configured weekday and hour, retried after a 500, and is kept as it was sent', async () => {
    const weekly = delivery();
    receiver.answers.push(500);
    weekly.start();
    // A minute before the hour: many looks at the clock, nothing sent.
    await pause(300);
    expect(receiver.bodies('/hooks/report')).toEqual([]);
    expect(await sentList()).toEqual([]);

    clock.now = DUE;
    await eventually(async () => expect(receiver.bodies('/hooks/report')).toHaveLength(2));
    await weekly.idle();
    const [first, second] = receiver.bodies<ReportWebhookBody>('/hooks/report');
    const reported = previousWeek(THIS_WEEK);
    // The receiver answered 500, then 200: the same body twice.
    expect(second).toEqual(first);
    expect(first).toEqual({ text: expect.any(String), week: reported.id, generatedAt: new Date(DUE).toISOString() });
    expect(receiver.received.find((r) => r.path === '/hooks/report')!.contentType).toBe('application/json');
    expect(first!.text).toMatch(new RegExp(`^# Weekly report: the fleet, ${reported.id}\n`));
    expect(first!.text).toContain(`\n## Weekly report: Cache (r), ${reported.id}\n`);

    // The same Markdown as the fleet route's for that week, but for when it was generated.
    const route = await call(fleetReportRoute, 'GET', `/api/report?week=${reported.id}&format=md`, { headers });
    expect(route.status).toBe(200);
    const withoutGenerated = (text: string) => text.replace(/ Generated .*? UTC\./g, '');
    expect(withoutGenerated(first!.text)).toBe(withoutGenerated(await route.text()));

    const [listed] = await eventually(async () => {
      const reports = await sentList();
      expect(reports[0]?.status).toBe('sent');
      return reports;
    });
    expect(listed).toEqual({ id: expect.any(Number), week: reported.id, generatedAt: DUE, status: 'sent', attempts: 2, sentAt: DUE, error: null });
    const one = await sentOne(String(listed!.id));
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ ...listed!, markdown: first!.text } satisfies SentReport);
    const markdown = await sentOne(String(listed!.id), '?format=md');
    expect(markdown.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await markdown.text()).toBe(first!.text);
  });

  it('goes out once a week: not again that week, nor after a restart of Redlens', async () => {
    const weekly = deliveries[0]!;
    clock.now = DUE + HOUR;
    await pause(200);
    expect(await weekly.check()).toBe('already-sent');
    weekly.stop();

    // A restart: the store closed, every object built again on the same data directory.
    redlens().store.close();
    await redlens().registry.close();
    delete (globalThis as Record<string, unknown>).__redlensServer;
    clock.now = DUE + DAY_MS;
    const restarted = delivery();
    restarted.start();
    await pause(200);
    expect(await restarted.check()).toBe('already-sent');
    expect(receiver.bodies('/hooks/report')).toHaveLength(2);

    // The next week's Wednesday 09:00: the week just ended goes out.
    clock.now = DUE + 7 * DAY_MS;
    await eventually(async () => expect(receiver.bodies('/hooks/report')).toHaveLength(3));
    await restarted.idle();
    expect(receiver.bodies<ReportWebhookBody>('/hooks/report')[2]!.week).toBe(THIS_WEEK.id);
    await pause(200);
    expect(receiver.bodies('/hooks/report')).toHaveLength(3);
    const reports = await sentList();
    expect(reports.map((r) => [r.week, r.status, r.attempts])).toEqual([[THIS_WEEK.id, 'sent', 1], [previousWeek(THIS_WEEK).id, 'sent', 2]]);
    restarted.stop();
  });

  it('is not sent before its hour, and not late once its own week is over', () => {
    // `nextWeek(THIS_WEEK)` reports THIS_WEEK (sent); the week after it was never due while Redlens ran.
    const later = nextWeek(nextWeek(THIS_WEEK));
    clock.now = later.from + 2 * DAY_MS + 9 * HOUR - 1;
    return expect(deliveries[1]!.check()).resolves.toBe('not-due');
  });

  it('records a delivery the receiver refused as failed, with why', async () => {
    const weekly = delivery();
    weekly.stop();
    // Every attempt answered 503 (the test queue gives up after WEBHOOK_MAX_ATTEMPTS = 5).
    receiver.answers.push(503, 503, 503, 503, 503);
    clock.now = nextWeek(nextWeek(THIS_WEEK)).from + 2 * DAY_MS + 9 * HOUR;
    expect(await weekly.check()).toBe('queued');
    await weekly.idle();
    const [latest] = await sentList();
    expect(latest).toMatchObject({ week: nextWeek(THIS_WEEK).id, status: 'failed', attempts: 5, sentAt: null, error: 'the receiver answered 503' });
    // The week stays claimed: a failed delivery is not sent again on its own.
    expect(await weekly.check()).toBe('already-sent');
  });

  it('an admin sends a failed week again: the Markdown as it was made, once; a sent one is not sent twice', async () => {
    const admin = cookieOf(await call(loginRoute, 'POST', '/api/auth/login', { body: { username: 'admin', password: ADMIN_PASSWORD } }));
    expect(admin).toMatch(/=/);
    const resend = (id: string, as: Record<string, string> = { cookie: admin }) => call(resendRoute, 'POST', `/api/reports/sent/${id}/resend`, { headers: as, params: { id } });
    const [failed] = await sentList();
    expect(failed!.status).toBe('failed');
    const kept = ((await (await sentOne(String(failed!.id))).json()) as SentReport).markdown;
    const before = receiver.bodies('/hooks/report').length;
    // A viewer (the API token) may not.
    expect((await resend(String(failed!.id), headers)).status).toBe(403);

    const answer = await resend(String(failed!.id));
    expect(answer.status).toBe(202);
    expect(await answer.json()).toMatchObject({ id: failed!.id, week: failed!.week, status: 'sending', error: null });
    await eventually(async () => expect((await sentList())[0]).toMatchObject({ id: failed!.id, status: 'sent', error: null, attempts: 6 }));
    const bodies = receiver.bodies<ReportWebhookBody>('/hooks/report');
    expect(bodies).toHaveLength(before + 1);
    expect(bodies.at(-1)).toEqual({ text: kept, week: failed!.week, generatedAt: new Date(failed!.generatedAt).toISOString() });

    // Sent now: not again (409), nothing POSTed.
    const again = await resend(String(failed!.id));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/sent already: only a failed delivery is sent again/);
    for (const id of ['0', 'abc']) expect((await resend(id)).status).toBe(400);
    expect((await resend('99999')).status).toBe(404);
    expect(receiver.bodies('/hooks/report')).toHaveLength(before + 1);

    const log = (await (await call(auditRoute, 'GET', '/api/audit?action=report.resend&limit=10', { headers: { cookie: admin } })).json()) as AuditResponse;
    expect(log.entries.map((entry) => [entry.outcome, entry.target])).toContainEqual(['ok', `sent report ${failed!.id} (${failed!.week})`]);
    expect(log.entries.filter((entry) => entry.outcome === 'failed')).toHaveLength(4);
  });

  it('answers 400 for an id that is not one and 404 for one it does not have', async () => {
    for (const id of ['0', 'abc', '-1', '1.5']) expect((await sentOne(id)).status).toBe(400);
    expect((await sentOne('99999')).status).toBe(404);
    expect((await sentOne('1', '?format=pdf')).status).toBe(400);
  });
});

describe('the webhook queue', () => {
  it('retries when the receiver answers 500, then 200', async () => {
    const queue = new WebhookQueue({ name: 'test', retryDelayMs: QUICK_RETRY, log: () => undefined });
    receiver.answers.push(500);
    const outcome = new Promise<Delivery>((resolve) => queue.send(receiver.url('/hooks/retry'), { n: 1 }, 'one', resolve));
    expect(await outcome).toEqual({ delivered: true, attempts: 2 });
    expect(receiver.bodies('/hooks/retry')).toEqual([{ n: 1 }, { n: 1 }]);
  });

  it('retries when the receiver does not answer within the timeout', async () => {
    const queue = new WebhookQueue({ name: 'test', timeoutMs: 200, retryDelayMs: QUICK_RETRY, log: () => undefined });
    receiver.answers.push('hang');
    const started = Date.now();
    const outcome = new Promise<Delivery>((resolve) => queue.send(receiver.url('/hooks/hang'), { n: 2 }, 'two', resolve));
    expect(await outcome).toEqual({ delivered: true, attempts: 2 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(200);
    expect(receiver.bodies('/hooks/hang')).toEqual([{ n: 2 }, { n: 2 }]);
  });

  it('gives up after a bounded number of attempts, and never retries a 4xx', async () => {
    const lines: string[] = [];
    const queue = new WebhookQueue({ name: 'test', maxAttempts: 3, retryDelayMs: QUICK_RETRY, log: (line) => lines.push(line) });
    receiver.answers.push(502, 502, 502, 502);
    const given = new Promise<Delivery>((resolve) => queue.send(receiver.url('/hooks/give-up/secret-token'), { n: 3 }, 'three', resolve));
    expect(await given).toEqual({ delivered: false, attempts: 3, error: 'the receiver answered 502' });
    expect(receiver.bodies('/hooks/give-up/secret-token')).toHaveLength(3);
    receiver.answers.length = 0;
    receiver.answers.push(404);
    const refused = new Promise<Delivery>((resolve) => queue.send(receiver.url('/hooks/gone'), { n: 4 }, 'four', resolve));
    expect(await refused).toEqual({ delivered: false, attempts: 1, error: 'the receiver answered 404' });
    expect(receiver.bodies('/hooks/gone')).toHaveLength(1);
    // The log names the host, never the webhook's path (a chat webhook's secret).
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/gave up on three to 127\.0\.0\.1:\d+ after 3 attempt\(s\): the receiver answered 502/);
    expect(lines.join('\n')).not.toContain('secret-token');
  });

  it('keeps at most maxQueued messages: the oldest is dropped, with a log line', async () => {
    const lines: string[] = [];
    const queue = new WebhookQueue({ name: 'test', maxQueued: 2, timeoutMs: 300, maxAttempts: 1, log: (line) => lines.push(line) });
    receiver.answers.push('hang');
    const outcomes: Array<Promise<Delivery>> = [];
    const send = (n: number) => outcomes.push(new Promise<Delivery>((resolve) => queue.send(receiver.url('/hooks/full'), { n }, `message ${n}`, resolve)));
    send(1);
    await eventually(async () => expect(receiver.bodies('/hooks/full')).toHaveLength(1));
    for (let n = 2; n <= 5; n++) send(n);
    // Message 1 is being sent (hung); 2 and 3 were dropped for 4 and 5.
    expect(queue.pending).toBe(2);
    expect(lines).toEqual([
      expect.stringMatching(/test: 2 messages are waiting for 127\.0\.0\.1:\d+; dropped the oldest \(message 2\)/),
      expect.stringMatching(/dropped the oldest \(message 3\)/),
    ]);
    const settled = await Promise.all(outcomes);
    expect(settled.map((d) => d.delivered)).toEqual([false, false, false, true, true]);
    expect(settled[1]).toEqual({ delivered: false, attempts: 0, error: 'dropped: too many messages were waiting' });
    expect(settled[0]).toEqual({ delivered: false, attempts: 1, error: 'no answer within 300 ms' });
    expect(receiver.bodies('/hooks/full')).toEqual([{ n: 1 }, { n: 4 }, { n: 5 }]);
  });
});

describe('finding alerts from the sampler', () => {
  let client: Redis;
  beforeAll(() => {
    client = new Redis({ port: redis.port, host: '127.0.0.1' }).on('error', () => undefined);
  });
  afterAll(async () => {
    await client.config('SET', 'maxmemory', '1gb');
    client.disconnect();
  });

  /** A sampler over a fresh store whose findings are told to `onFindings`. */
  function samplerWith(onFindings: ConstructorParameters<typeof Sampler>[0]['onFindings'], thresholds = {}) {
    const harness = samplerHarness({ r: redisUrl(redis) }, thresholds);
    const { history, findings, events, slowlog, config, retention, clock, registry } = harness;
    const sampler = new Sampler({
      instances: () => registry.list(), history, findings, events, slowlog, config, retention, now: () => clock.now,
      ...(onFindings && { onFindings }),
    });
    return { harness, sampler };
  }

  const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await client.info('memory'))![1]);
  const nearLimit = async () => client.config('SET', 'maxmemory', String(Math.round((await usedMemory()) * 1.12)));
  const clear = () => client.config('SET', 'maxmemory', '1gb');

  it('POSTs one alert per finding that opens or closes, with what it is and when', async () => {
    const queue = new WebhookQueue({ name: 'finding alerts (test)', retryDelayMs: QUICK_RETRY, log: () => undefined });
    const alerts = new FindingAlerts(receiver.url('/hooks/alerts'), queue, (id) => (id === 'r' ? 'Cache' : id));
    const { harness, sampler } = samplerWith(alerts.findings.bind(alerts));
    try {
      const step = async () => {
        harness.clock.now += 10_000;
        await sampler.tick();
      };
      await step();
      await nearLimit();
      // The default hold: opens on the second held sample, closes on the third clear one.
      await step();
      await step();
      await clear();
      for (let i = 0; i < 3; i++) await step();
      await alerts.idle();

      const transitions = harness.eventList('r').filter((event) => event.kind === 'finding-opened' || event.kind === 'finding-closed');
      const posted = receiver.bodies<FindingAlertBody>('/hooks/alerts');
      // Exactly one POST per transition, in order.
      expect(posted.map((body) => [body.state, body.finding.title, Date.parse(body.at)]))
        .toEqual(transitions.map((event) => [event.kind === 'finding-opened' ? 'opened' : 'closed', event.title.replace(/^(Opened|Closed): /, ''), event.at]));
      const memory = posted.filter((body) => body.finding.id === 'memory-near-limit');
      expect(memory.map((body) => body.state)).toEqual(['opened', 'closed']);
      const [opened, closed] = memory;
      const stored = harness.findings.events('r', 0, harness.clock.now + 1000).find((finding) => finding.id === 'memory-near-limit')!;
      expect(opened).toEqual({
        text: `[warning] Cache (r): opened: Memory is near its limit: ${opened!.finding.detail}`,
        state: 'opened', instance: { id: 'r', name: 'Cache' },
        finding: { id: 'memory-near-limit', severity: 'warning', title: 'Memory is near its limit', detail: expect.stringMatching(/\S/) },
        // Opened by the second held sample; its condition held from the first.
        at: new Date(stored.startedAt + 10_000).toISOString(), since: new Date(stored.startedAt).toISOString(), endedAt: null,
      });
      expect(closed).toEqual({
        text: '[warning] Cache (r): closed: Memory is near its limit (active 20 s)',
        state: 'closed', instance: { id: 'r', name: 'Cache' },
        finding: { ...opened!.finding },
        // Closed by the third clear sample; its condition ended at the first.
        at: new Date(stored.endedAt! + 20_000).toISOString(), since: new Date(stored.startedAt).toISOString(), endedAt: new Date(stored.endedAt!).toISOString(),
      });
    } finally {
      alerts.close();
      await harness.close();
    }
  });

  it('a receiver that never answers does not delay the sampler\'s ticks', async () => {
    // Open after 1 sample, close after 1: every tick below opens or closes memory-near-limit.
    const quick = { findingOpenSamples: 1, findingCloseSamples: 1 };
    // The default 5 s timeout per POST: had the tick waited for one, it would take 5 s.
    const queue = new WebhookQueue({ name: 'finding alerts (hung)', log: () => undefined });
    const alerts = new FindingAlerts(receiver.url('/hooks/hung'), queue);
    const told: number[] = [];
    const without = samplerWith(undefined, quick);
    const withAlerts = samplerWith((...args) => {
      told.push(args[2].length + args[3].length);
      alerts.findings(...args);
    }, quick);
    for (let i = 0; i < 20; i++) receiver.answers.push('hang');
    /** Each tick's duration in ms, alternating the condition so each tick has a transition. */
    async function ticks({ harness, sampler }: ReturnType<typeof samplerWith>): Promise<number[]> {
      const durations: number[] = [];
      await sampler.tick();
      for (let i = 0; i < 6; i++) {
        await (i % 2 === 0 ? nearLimit() : clear());
        harness.clock.now += 10_000;
        const started = performance.now();
        await sampler.tick();
        durations.push(performance.now() - started);
      }
      await clear();
      return durations;
    }
    try {
      const baseline = await ticks(without);
      const hung = await ticks(withAlerts);
      // Every measured tick opened or closed a finding, and its alert went out to a receiver that holds it.
      expect(told.filter((n) => n > 0).length).toBeGreaterThanOrEqual(6);
      await eventually(async () => expect(receiver.bodies('/hooks/hung').length).toBeGreaterThanOrEqual(1));
      expect(queue.pending).toBeGreaterThan(0);
      const worst = (list: number[]) => Math.max(...list);
      const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
      console.log(`[delivery test] tick ms without alerts: ${baseline.map((d) => d.toFixed(1)).join(', ')}; with a hung receiver: ${hung.map((d) => d.toFixed(1)).join(', ')}`);
      // Had a tick waited for its POST it would take the 5 s timeout; the margins are for a busy machine.
      expect(median(hung)).toBeLessThan(median(baseline) + 250);
      expect(worst(hung)).toBeLessThan(worst(baseline) + 1000);
      expect(worst(hung)).toBeLessThan(3000);
    } finally {
      alerts.close();
      receiver.answers.length = 0;
      await without.harness.close();
      await withAlerts.harness.close();
    }
  });
});

describe('finding alerts as the composition root wires them (REDLENS_ALERT_WEBHOOK)', () => {
  beforeAll(() => {
    useAppEnv({ instances: [{ id: 'gone', name: 'Gone', url: 'redis://127.0.0.1:1' }], env: { REDLENS_API_TOKEN: TOKEN, REDLENS_ALERT_WEBHOOK: receiver.url('/hooks/root') } });
  });
  afterAll(async () => {
    redlens().alerts?.close();
    await redlens().registry.close();
  });

  it('POSTs the finding the server\'s own sampler opens', async () => {
    expect(redlens().config.alertWebhook).toBe(receiver.url('/hooks/root'));
    // No `reports` in this config: no weekly delivery, and the list says so.
    expect(redlens().reportDelivery).toBeNull();
    const list = await call(sentListRoute, 'GET', '/api/reports/sent', { headers });
    expect(await list.json()).toEqual({ schedule: null, reports: [] });
    // instance-down opens at the first sample that gets no answer.
    await redlens().sampler.tick();
    await redlens().alerts!.idle();
    expect(receiver.bodies<FindingAlertBody>('/hooks/root')).toEqual([
      expect.objectContaining({ state: 'opened', instance: { id: 'gone', name: 'Gone' }, finding: expect.objectContaining({ id: 'instance-down', severity: 'critical' }), endedAt: null }),
    ]);
  });
});
