// A light background workload for `npm run demo` (~90 commands/s), so the dashboard shows
// movement: recipe reads with a hit ratio near 70% (below the 80% target on purpose), fresh
// search results that push a tight maxmemory into a few evictions, session touches in db 1,
// and every few seconds one of the slow commands the slow log panel is meant to catch.
import {
  BIG_KEYS,
  COUNTS,
  DB,
  HOT_RECIPE_COUNT,
  TTL,
  buildRecipe,
  buildSearchResults,
  buildUserSession,
  randomFor,
  randomSearchQuery,
  recipeTtlSeconds,
  searchKey,
} from './seed.mjs';

/** Share of recipe reads that go to the hot set (and hit); the rest ask for ids never cached. */
const HOT_READ_SHARE = 0.7;
/** Recipe ids from here up do not exist: stale links and crawlers, the demo's cache misses. */
const MISSING_RECIPE_IDS = { from: 1_000_001, to: 9_999_999 };

const RECIPE_READS_PER_TICK = 8;
const RECIPE_READ_INTERVAL_MS = 100; // 80 GETs/s
const SEARCH_WRITE_INTERVAL_MS = 400; // 2.5 writes/s of 1-2 KB
const SESSION_TOUCH_INTERVAL_MS = 200; // 5 touches/s in db 1
/** One slow call every 3 s, in turn, so each of the five runs every 15 s. */
const SLOW_CALL_INTERVAL_MS = 3_000;

const ERROR_LOG_INTERVAL_MS = 10_000;
/** stop() waits this long for in-flight commands; a down Redis can hold them much longer. */
const STOP_WAIT_MS = 5_000;

/**
 * The commands the slow-commands health rule looks for. Demo-only: Redlens itself never sends
 * KEYS, SMEMBERS, HGETALL or LRANGE 0 -1; this workload plays the badly behaved application.
 * @type {Array<[string, (redis: import('ioredis').Redis) => Promise<unknown>]>}
 */
const SLOW_CALLS = [
  ['KEYS popular:*', (redis) => redis.keys('popular:*')],
  [`SORT ${BIG_KEYS.list} LIMIT 0 10 ALPHA`, (redis) => redis.sort(BIG_KEYS.list, 'LIMIT', 0, 10, 'ALPHA')],
  [`SMEMBERS ${BIG_KEYS.set}`, (redis) => redis.smembers(BIG_KEYS.set)],
  [`HGETALL ${BIG_KEYS.hash}`, (redis) => redis.hgetall(BIG_KEYS.hash)],
  [`LRANGE ${BIG_KEYS.list} 0 -1`, (redis) => redis.lrange(BIG_KEYS.list, 0, -1)],
];

/**
 * Logs failures at most once per interval, with a count of the ones it held back, so a Redis
 * that is down for a minute gives six lines, not six thousand.
 */
function createErrorReporter(log) {
  let lastLoggedAt = -Infinity;
  let suppressed = 0;
  return (task, error) => {
    const now = Date.now();
    if (now - lastLoggedAt < ERROR_LOG_INTERVAL_MS) {
      suppressed += 1;
      return;
    }
    const held = suppressed > 0 ? ` (${suppressed} more errors in the last ${Math.round((now - lastLoggedAt) / 1000)} s)` : '';
    log(`workload: ${task} failed: ${error?.message ?? error}${held}`);
    lastLoggedAt = now;
    suppressed = 0;
  };
}

/** Sends a pipeline and throws the first per-command error, so failures reach the reporter. */
async function execPipeline(pipeline) {
  const results = (await pipeline.exec()) ?? [];
  const failure = results.find(([error]) => error);
  if (failure) throw failure[0];
  return results.map(([, value]) => value);
}

/**
 * Starts the demo workload on `redis` (db 0) and a duplicate of it on db 1.
 * @param {import('ioredis').Redis} redis a connected client on db 0, not shared with the seed
 * @param {{ log?: (line: string) => void, rateScale?: number }} [options] `rateScale` multiplies
 *   the steady traffic (reads, writes, touches); the slow calls keep their 15 s cadence.
 * @returns {{ stop: () => Promise<void> }}
 */
export function startWorkload(redis, { log = () => {}, rateScale = 1 } = {}) {
  if (!(rateScale > 0)) throw new Error(`startWorkload: rateScale must be > 0, got ${rateScale}`);

  const random = randomFor('workload');
  const reportError = createErrorReporter(log);
  // Its own connection for db 1: switching dbs on a client others use would race with them.
  const sessions = redis.duplicate({ db: DB.sessions, connectionName: `${redis.options.connectionName || 'redlens-demo'}-sessions` });
  sessions.on('error', (error) => reportError('sessions connection', error));
  // A lazyConnect parent makes a lazy duplicate: connect now, since touches wait for 'ready'.
  if (sessions.status === 'wait') sessions.connect().catch(() => {});

  const timers = [];
  const inFlight = new Set();
  let stopping = false;

  /**
   * Runs `task` every `intervalMs`, skipping a tick while the previous run is still pending:
   * when Redis is slow or down, commands must not pile up in the client's offline queue.
   */
  function every(name, intervalMs, task) {
    let running = false;
    const timer = setInterval(() => {
      if (running || stopping) return;
      running = true;
      const run = task()
        .catch((error) => reportError(name, error))
        .finally(() => {
          running = false;
          inFlight.delete(run);
        });
      inFlight.add(run);
    }, intervalMs);
    timers.push(timer);
  }

  async function readRecipes() {
    const hotIds = []; // per GET: the hot recipe id, or null for a read of a missing id
    const pipeline = redis.pipeline();
    for (let i = 0; i < RECIPE_READS_PER_TICK; i += 1) {
      if (random.chance(HOT_READ_SHARE)) {
        const id = random.int(1, HOT_RECIPE_COUNT);
        hotIds.push(id);
        pipeline.get(`recipe:${id}`);
      } else {
        hotIds.push(null);
        pipeline.get(`recipe:${random.int(MISSING_RECIPE_IDS.from, MISSING_RECIPE_IDS.to)}`);
      }
    }
    const values = await execPipeline(pipeline);
    // Cache-aside for hot recipes that are gone (evicted, expired, or Redis restarted empty),
    // so the hit ratio recovers by itself instead of dropping to zero.
    const refill = redis.pipeline();
    values.forEach((value, i) => {
      const id = hotIds[i];
      if (value === null && id !== null) refill.set(`recipe:${id}`, buildRecipe(id), 'EX', recipeTtlSeconds(id));
    });
    if (refill.length > 0) await execPipeline(refill);
  }

  async function writeSearch() {
    const query = randomSearchQuery(random, { userId: random.int(1, COUNTS.preferences), page: random.int(1, 5), requestedAt: Date.now() });
    await redis.set(searchKey(query), buildSearchResults(random, query, random.int(13, 26)), 'EX', TTL.search);
  }

  /** Sliding session expiry, as connect-redis does it: EXPIRE, or a fresh login if it is gone. */
  async function touchSession() {
    // Until it is connected (or while it reconnects) skip quietly: the 'error' event reports it.
    if (sessions.status !== 'ready') return;
    const userId = random.int(1, COUNTS.userSessions);
    const key = `user:${userId}:session`;
    const extended = await sessions.expire(key, TTL.session);
    if (extended === 0) await sessions.set(key, buildUserSession(random, userId, new Date().toISOString()), 'EX', TTL.session);
  }

  let nextSlowCall = 0;
  async function runSlowCall() {
    const [name, call] = SLOW_CALLS[nextSlowCall];
    nextSlowCall = (nextSlowCall + 1) % SLOW_CALLS.length;
    try {
      await call(redis);
    } catch (error) {
      throw new Error(`${name}: ${error?.message ?? error}`);
    }
  }

  every('recipe reads', RECIPE_READ_INTERVAL_MS / rateScale, readRecipes);
  every('search writes', SEARCH_WRITE_INTERVAL_MS / rateScale, writeSearch);
  every('session touches', SESSION_TOUCH_INTERVAL_MS / rateScale, touchSession);
  every('slow call', SLOW_CALL_INTERVAL_MS, runSlowCall);
  log(`workload: started (~${Math.round(90 * rateScale)} commands/s, a slow command every ${SLOW_CALL_INTERVAL_MS / 1000} s)`);

  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      for (const timer of timers) clearInterval(timer);
      let timedOut = false;
      let waitTimer;
      const deadline = new Promise((resolve) => {
        waitTimer = setTimeout(() => {
          timedOut = true;
          resolve();
        }, STOP_WAIT_MS);
      });
      await Promise.race([Promise.allSettled([...inFlight]), deadline]);
      clearTimeout(waitTimer);
      if (timedOut) log(`workload: stopped with ${inFlight.size} commands still pending after ${STOP_WAIT_MS / 1000} s`);
      // Nothing of ours is pending any more (or we gave up on it): close without waiting on Redis.
      sessions.disconnect();
      log('workload: stopped');
    },
  };
}
