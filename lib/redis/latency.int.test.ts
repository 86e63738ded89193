// The latency monitor read from a real Redis: off by default, then a DEBUG SLEEP with it on shows
// in LATENCY LATEST, HISTORY and DOCTOR.
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latencyMonitorOf } from '@/lib/commands/latency-report';
import { startTestRedis, stopRedis, type RedisServer } from '@/test/redis';
import { readLatencyMonitor } from './latency';

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startTestRedis();
  redis = new Redis({ port: server.port, host: '127.0.0.1' });
});
afterAll(async () => {
  redis.disconnect();
  await stopRedis(server, { removeDir: true });
});

describe('readLatencyMonitor', () => {
  it('reads a monitor that is off as threshold 0, with the fix and no events', async () => {
    await redis.config('SET', 'latency-monitor-threshold', '0');
    const monitor = latencyMonitorOf(await readLatencyMonitor(redis));
    expect(monitor).toMatchObject({ available: true, thresholdMs: 0, monitorDisabled: true, fix: 'CONFIG SET latency-monitor-threshold 100', events: [] });
  });

  it('reads LATENCY LATEST, HISTORY and DOCTOR after a DEBUG SLEEP with the monitor on', async () => {
    await redis.config('SET', 'latency-monitor-threshold', '10');
    const before = Date.now();
    await redis.call('DEBUG', 'SLEEP', '0.06');
    const reading = await readLatencyMonitor(redis);
    expect(reading.thresholdMs).toBe(10);
    const command = reading.latest.find((event) => event.event === 'command');
    expect(command?.latestMs).toBeGreaterThanOrEqual(60);
    expect(command?.maxMs).toBeGreaterThanOrEqual(command!.latestMs);
    // Redis stamps events in whole seconds.
    expect(command?.at).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(reading.history.command?.at(-1)?.ms).toBe(command?.latestMs);
    expect(reading.doctor).toContain('command:');
    const monitor = latencyMonitorOf(reading);
    expect(monitor).toMatchObject({ available: true, monitorDisabled: false, fix: null });
    expect(monitor.available && monitor.events[0]?.history.length).toBeGreaterThan(0);
  });
});
