// A sampler over a real Redis with a temporary store and a clock the test moves.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_RETENTION, type InstanceConfig } from '@/lib/config/schema';
import { EventsStore } from '@/lib/events/events-store';
import { FindingsStore } from '@/lib/health/findings-store';
import { TARGETS, type Thresholds } from '@/lib/health-targets';
import { HistoryStore } from '@/lib/history/history-store';
import { Registry } from '@/lib/redis/registry';
import { storeRetention } from '@/lib/sampler/retention-tasks';
import { Sampler } from '@/lib/sampler/sampler';
import { SlowlogArchive } from '@/lib/slowlog/archive';
import { SlowlogResetMarks } from '@/lib/slowlog/reset-marks';
import { openStore } from '@/lib/store/sqlite';

/** `urls`: id -> a Redis URL, or the rest of an instance's config (a Sentinel's `sentinel`). */
export function samplerHarness(urls: Record<string, string | Omit<InstanceConfig, 'id' | 'name'>>, thresholds: Partial<Thresholds> = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'redlens-sampler-'));
  const db = openStore(dataDir);
  const registry = new Registry(Object.entries(urls).map(([id, url]) => (typeof url === 'string' ? { id, name: id, url } : { id, name: id, ...url })));
  const clock = { now: Date.now() };
  const config = { sampleIntervalSeconds: 10, retention: DEFAULT_RETENTION, thresholds: { ...TARGETS, ...thresholds } };
  const history = new HistoryStore(db, DEFAULT_RETENTION);
  const findings = new FindingsStore(db);
  const events = new EventsStore(db);
  const slowlog = new SlowlogArchive(db);
  const retention = storeRetention(db, { history, findings, events, slowlog }, DEFAULT_RETENTION);
  const slowlogResets = new SlowlogResetMarks(db);
  const sampler = new Sampler({ instances: () => registry.list(), history, findings, events, slowlog, slowlogResets, config, retention, now: () => clock.now });
  return {
    db, dataDir, registry, history, findings, events, slowlog, sampler, config, clock, retention,
    /** Moves the clock past the rule window and samples `id` once. */
    async step(id: string, advanceMs = 61_000) {
      clock.now += advanceMs;
      await sampler.sample(registry.get(id)!);
      return sampler.latest(id);
    },
    findingIds: (id: string) => sampler.health(id).findings.map((finding) => finding.id),
    /** Every stored event of `id` (admin actions from the audit log included), oldest first. */
    eventList: (id: string) => events.list(id, 0, Number.MAX_SAFE_INTEGER, 1000).events.reverse(),
    close: () => registry.close(),
  };
}
