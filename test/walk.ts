// One whole analysis walk as the tests read it: every batch's keys, every progress step, and the
// DBSIZE the walk started from.
import { walkKeyspace, type WalkedKey, type WalkOptions, type WalkProgress } from '@/lib/redis/analysis-walk';
import type { RedisInstance } from '@/lib/redis/registry';

export async function walkAll(instance: RedisInstance, options: Partial<WalkOptions> = {}) {
  const keys: WalkedKey[] = [];
  const progress: WalkProgress[] = [];
  let dbSize = -1;
  const outcome = await walkKeyspace(instance, {
    db: 0,
    signal: new AbortController().signal,
    wantsEncoding: (type) => type === 'hash' || type === 'set',
    onStart: (size) => (dbSize = size),
    onBatch: (batch, after) => {
      keys.push(...batch);
      progress.push(after);
    },
    ...options,
  });
  return { keys, progress, outcome, dbSize };
}
