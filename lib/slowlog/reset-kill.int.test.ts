// The slow log reset under SIGKILL: a child process resets a real Redis holding 30,000 slow log
// entries and is killed with SIGKILL at random moments (before, during and after each read,
// write and the reset). Every entry Redis held when the reset began must be in the archive or
// still in Redis: a crash loses at most what was logged between the reset's two reads.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '@/lib/store/sqlite';
import { redisUrl, startTestRedis, stopRedis, type RedisServer } from '@/test/redis';

const ENTRIES = 30_000;
const KILLS = 8;
const CHILD = path.join(import.meta.dirname, '../../test/children/slowlog-reset.mjs');

let server: RedisServer;
let redis: Redis;

beforeAll(async () => {
  server = await startTestRedis({ args: ['--slowlog-log-slower-than', '0', '--slowlog-max-len', '1000000'] });
  redis = new Redis({ port: server.port, host: '127.0.0.1' }).on('error', () => undefined);
});
afterAll(async () => {
  redis.disconnect();
  await stopRedis(server, { removeDir: true });
});

/** Empties the slow log, then fills it with ENTRIES commands; returns the ids it then holds. */
async function fill(): Promise<number[]> {
  await redis.slowlog('RESET');
  const pipeline = redis.pipeline();
  for (let i = 0; i < ENTRIES; i++) pipeline.get(`kill:${i}`);
  await pipeline.exec();
  return slowlogIds();
}

async function slowlogIds(): Promise<number[]> {
  const reply = (await redis.slowlog('GET', '-1')) as Array<[number, ...unknown[]]>;
  return reply.map(([id]) => id);
}

interface Round {
  killedAfterMs: number | null;
  result: { archived: number; ms: number } | null;
}

/** Runs the child; kills it `killAfterMs` after it says ready (null: let it finish). */
function runChild(dataDir: string, killAfterMs: number | null): Promise<Round> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [CHILD, dataDir, redisUrl(server)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    let killed = false;
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (killAfterMs !== null && !killed && output.includes('ready\n')) {
        killed = true;
        setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const line = output.split('\n').find((text) => text.startsWith('{'));
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child exited with ${code}: ${output}`));
      else resolve({ killedAfterMs: signal === 'SIGKILL' ? killAfterMs : null, result: line ? (JSON.parse(line) as Round['result']) : null });
    });
  });
}

function archivedIds(dataDir: string): Set<number> {
  const db = openStore(dataDir);
  try {
    return new Set(db.prepare('SELECT id FROM slowlog_archive').pluck().all() as number[]);
  } finally {
    db.close();
  }
}

describe('the slow log reset under SIGKILL', () => {
  it(`loses none of the ${ENTRIES.toLocaleString('en-US')} entries Redis held when it began, wherever it is killed`, async () => {
    // An unkilled run first: it archives everything, and says how long a reset takes here.
    const calibration = mkdtempSync(path.join(tmpdir(), 'redlens-reset-kill-'));
    const before = await fill();
    const full = await runChild(calibration, null);
    expect(full.result!.archived).toBeGreaterThanOrEqual(ENTRIES);
    const archivedAll = archivedIds(calibration);
    expect(before.every((id) => archivedAll.has(id))).toBe(true);
    rmSync(calibration, { recursive: true, force: true });
    const resetMs = full.result!.ms;

    const outcomes: string[] = [];
    for (let round = 0; round < KILLS; round++) {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'redlens-reset-kill-'));
      const held = await fill();
      // One kill in each slice of the reset's duration (and a little past it), at a random point of it.
      const killAfterMs = ((round + Math.random()) / KILLS) * resetMs * 1.2;
      const outcome = await runChild(dataDir, killAfterMs);
      const archived = archivedIds(dataDir);
      const inRedis = new Set(await slowlogIds());
      const lost = held.filter((id) => !archived.has(id) && !inRedis.has(id));
      outcomes.push(
        `kill at ${killAfterMs.toFixed(0)} ms of ${resetMs.toFixed(0)}: ${outcome.killedAfterMs === null ? 'finished first' : 'killed'}, ` +
          `archived ${archived.size}, Redis ${inRedis.has(held[0]!) ? 'not reset' : 'reset'}, lost ${lost.length}`,
      );
      rmSync(dataDir, { recursive: true, force: true });
      expect(lost).toEqual([]);
    }
    console.log(`[reset-kill]\n${outcomes.join('\n')}`);
  }, 180_000);
});
