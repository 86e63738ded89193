// Latency as Redlens sees it: PING round trips from the dashboard to Redis (LATENCY LATEST and
// HISTORY go here too when a page needs them).
import 'server-only';
import type Redis from 'ioredis';

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
