// The key browser's per-instance limits, shared by every request and every route chunk (kept on
// globalThis, keyed by the instance): the concurrency gates for listings and exports, and the
// Redis time budget.
import 'server-only';
import {
  KEY_BROWSER_REDIS_BURST_MS, KEY_BROWSER_REDIS_DUTY_CYCLE, MAX_COUNT, SCAN_QUEUE_MAX, SCAN_QUEUE_WAIT_MS,
  SCAN_SLOTS, SCAN_TARGET_CALL_MS,
} from '@/lib/keys/constants';
import type { RedisInstance } from './registry';
import { RedisTimeBudget } from './redis-time-budget';
import { ConcurrencyGate } from './scan-gate';

/**
 * Key exports ("scan all", lib/redis/export-keys.ts) streaming from one instance at once; others
 * wait in line like listings, then get a 429. Each is one SCAN loop paced on PING.
 */
export const EXPORT_SLOTS = 2;

export interface KeyBrowserLimits {
  listings: ConcurrencyGate;
  exports: ConcurrencyGate;
  redisTime: RedisTimeBudget;
}

const holder = globalThis as typeof globalThis & { __redlensKeyBrowserLimits?: WeakMap<RedisInstance, KeyBrowserLimits> };
const limits = (holder.__redlensKeyBrowserLimits ??= new WeakMap());

export function keyBrowserLimits(instance: RedisInstance): KeyBrowserLimits {
  let found = limits.get(instance);
  if (!found) {
    found = {
      listings: new ConcurrencyGate(SCAN_SLOTS, SCAN_QUEUE_WAIT_MS, SCAN_QUEUE_MAX),
      exports: new ConcurrencyGate(EXPORT_SLOTS, SCAN_QUEUE_WAIT_MS, SCAN_QUEUE_MAX),
      redisTime: new RedisTimeBudget({
        dutyCycle: KEY_BROWSER_REDIS_DUTY_CYCLE,
        burstMs: KEY_BROWSER_REDIS_BURST_MS,
        targetCallMs: SCAN_TARGET_CALL_MS,
        maxCount: MAX_COUNT,
      }),
    };
    limits.set(instance, found);
  }
  return found;
}
