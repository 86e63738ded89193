// Latency as Redlens sees it: PING round trips from the dashboard to Redis (the sampler's), and
// what Redis's own latency monitor recorded (LATENCY LATEST, HISTORY, DOCTOR) for the latency page.
import 'server-only';
import type Redis from 'ioredis';
import { configGet } from './config';
import { parseLatencyDoctor, parseLatencyHistory, parseLatencyLatest, type LatencyLatest, type LatencyPoint } from './parse/parse-latency';
import type { AnyReply } from './parse/own-lookups';

/** `count` PINGs one after another; each round trip in ms. */
export async function pingRoundTrips(client: Redis, count: number): Promise<number[]> {
  const roundTrips: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await client.ping();
    roundTrips.push(performance.now() - started);
  }
  return roundTrips;
}

export interface LatencyMonitorReading {
  /** latency-monitor-threshold (ms); 0: the monitor is off. */
  thresholdMs: number;
  latest: LatencyLatest[];
  /** LATENCY HISTORY of each event LATEST names (Redis keeps at most 160 points an event). */
  history: Record<string, LatencyPoint[]>;
  doctor: string;
}

/**
 * The latency monitor's state: its threshold, LATENCY LATEST, the history of each event it names
 * and LATENCY DOCTOR. A handful of small replies, sent together (ioredis pipelines them); a
 * denied command rejects with Redis's error (NOPERM names the permission).
 */
export async function readLatencyMonitor(client: Redis): Promise<LatencyMonitorReading> {
  const [settings, latestReply, doctorReply] = await Promise.all([
    configGet(client, 'latency-monitor-threshold'),
    client.call('LATENCY', 'LATEST') as Promise<AnyReply>,
    client.call('LATENCY', 'DOCTOR') as Promise<AnyReply>,
  ]);
  const latest = parseLatencyLatest(latestReply);
  const histories = await Promise.all(latest.map(({ event }) => client.call('LATENCY', 'HISTORY', event) as Promise<AnyReply>));
  return {
    thresholdMs: Number(settings['latency-monitor-threshold'] ?? 0),
    latest,
    history: Object.fromEntries(latest.map(({ event }, index) => [event, parseLatencyHistory(histories[index])])),
    doctor: parseLatencyDoctor(doctorReply),
  };
}
