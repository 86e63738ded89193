// Notices when Redlens's own store stops being safe to write: the data directory gone or
// read-only, its disk full, redlens.db deleted or replaced under the open connection, or a write
// that failed. Checked once a minute and after every failed write; each change of state is logged
// once, and admins see it as a banner. Reads go on from the open connection meanwhile.
import 'server-only';
import { accessSync, constants, statfsSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { StoreStatus } from '@/lib/api/types';
import { STORE_FILE, type Store } from './sqlite';

/** The check's period: a fault shows within a minute even when nothing writes. */
export const STORE_CHECK_INTERVAL_MS = 60_000;
/** Below this much free space SQLite's next checkpoint or page may not fit. */
const MIN_FREE_BYTES = 1024 * 1024;

interface Fault {
  problem: string;
  since: number;
  /** 'write': a failed write we cannot see in the file system; only a write that works clears it. */
  source: 'check' | 'write';
}

interface StoreHealthOptions {
  log?: (line: string) => void;
  now?: () => number;
}

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : '';
}

/** A failed store write in words: SQLite's extended codes say what the OS refused. */
export function describeStoreFailure(error: unknown): string {
  const code = errorCode(error);
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'A write to the store failed: the disk of the data directory is full.';
  if (code === 'SQLITE_READONLY_DBMOVED') return 'A write to the store failed: redlens.db was moved or deleted while Redlens runs.';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return `A write to the store failed: the store is read-only (${detail}).`;
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return `A write to the store failed with a disk I/O error (${code}); the data directory may have turned read-only.`;
  return `A write to the store failed: ${detail}`;
}

function sameFile(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev;
}

export class StoreHealth {
  private readonly file: string;
  private readonly opened: Stats;
  private fault: Fault | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly log: (line: string) => void;
  private readonly now: () => number;

  constructor(
    private readonly store: Store,
    private readonly dataDir: string,
    options: StoreHealthOptions = {},
  ) {
    this.file = path.join(dataDir, STORE_FILE);
    // The file the connection holds: a later stat of the path that differs means it was replaced.
    this.opened = statSync(this.file);
    this.log = options.log ?? ((line) => console.error(line));
    this.now = options.now ?? Date.now;
  }

  /** What is wrong with the data directory and the file, seen from the file system (cheap). */
  private fileSystemProblem(): string | null {
    let dir: Stats;
    try {
      dir = statSync(this.dataDir);
    } catch {
      return `The data directory ${this.dataDir} is gone: nothing Redlens records is kept. Restore it, then restart Redlens.`;
    }
    if (!dir.isDirectory()) return `The data directory ${this.dataDir} is no longer a directory.`;
    let file: Stats;
    try {
      file = statSync(this.file);
    } catch {
      return `${STORE_FILE} was deleted while Redlens runs: what it records now is lost when it stops. Restore the file, or restart Redlens to start a new store.`;
    }
    if (!sameFile(file, this.opened)) {
      return `${STORE_FILE} was replaced by another file while Redlens runs: Redlens still writes to the old one. Restart Redlens to use the new file.`;
    }
    try {
      accessSync(this.dataDir, constants.W_OK);
      accessSync(this.file, constants.W_OK);
    } catch (error) {
      return errorCode(error) === 'EROFS'
        ? `The data directory ${this.dataDir} is on a file system that turned read-only: nothing Redlens records is kept.`
        : `Redlens may not write to the data directory ${this.dataDir} (${errorCode(error) || 'access refused'}).`;
    }
    try {
      const space = statfsSync(this.dataDir);
      const free = space.bavail * space.bsize;
      if (free < MIN_FREE_BYTES) return `The disk of the data directory ${this.dataDir} is full (${Math.floor(free / 1024)} KiB free).`;
    } catch {
      // statfs unsupported here: the write probe and failed writes still tell.
    }
    return null;
  }

  /** A real write that reaches the WAL file, so a refused write shows even when stat sees nothing. */
  private writeProblem(): string | null {
    if (this.store.inTransaction) return null;
    try {
      const version = this.store.pragma('user_version', { simple: true }) as number;
      this.store.pragma(`user_version = ${version}`);
      return null;
    } catch (error) {
      return describeStoreFailure(error);
    }
  }

  private enter(problem: string, source: Fault['source']): void {
    if (this.fault?.problem === problem) return;
    this.fault = { problem, since: this.fault?.since ?? this.now(), source };
    this.log(`[redlens] store fault: ${problem} Redlens keeps serving what it can read.`);
  }

  private clear(): void {
    if (!this.fault) return;
    const since = new Date(this.fault.since).toISOString();
    this.fault = null;
    this.log(`[redlens] store recovered: writes work again (the fault began at ${since}).`);
  }

  /**
   * Looks again. With `probeWrite` (the minute check) a working write clears a fault a failed
   * write noted; without it (a status poll) only what the file system shows changes the state.
   */
  check({ probeWrite = true }: { probeWrite?: boolean } = {}): StoreStatus {
    const problem = this.fileSystemProblem() ?? (probeWrite ? this.writeProblem() : null);
    if (problem) this.enter(problem, 'check');
    else if (this.fault && (probeWrite || this.fault.source === 'check')) this.clear();
    return this.status();
  }

  /** A write to the store failed: note why, then look at the file system for the cause. */
  noteFailure(error: unknown): void {
    const seen = this.fileSystemProblem();
    this.enter(seen ?? describeStoreFailure(error), seen ? 'check' : 'write');
  }

  status(): StoreStatus {
    if (!this.fault) return { ok: true };
    return { ok: false, problem: this.fault.problem, since: new Date(this.fault.since).toISOString() };
  }

  /** Checks every `intervalMs` without keeping the process alive. */
  start(intervalMs = STORE_CHECK_INTERVAL_MS): void {
    this.stop();
    this.timer = setInterval(() => {
      try {
        this.check();
      } catch (error) {
        // A check must never become an uncaught exception that stops the server.
        this.log(`[redlens] store check failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

// On globalThis: Next bundles this module once per chunk, and the route wrapper, the sampler and
// the store's opener must all reach the one watcher of the one store.
const holder = globalThis as typeof globalThis & { __redlensStoreHealth?: StoreHealth };

/** Makes `health` the process's watcher (and starts its minute check), retiring an earlier one. */
export function watchStore(health: StoreHealth, intervalMs = STORE_CHECK_INTERVAL_MS): StoreHealth {
  holder.__redlensStoreHealth?.stop();
  holder.__redlensStoreHealth = health;
  health.start(intervalMs);
  return health;
}

/** The process's store watcher, once the store is open. */
export function currentStoreHealth(): StoreHealth | undefined {
  return holder.__redlensStoreHealth;
}

/**
 * For any module whose write to the store failed (the route wrapper's audit, the slow log
 * archive, the sampler): records the fault, logs it once, and never throws.
 */
export function noteStoreFailure(error: unknown): void {
  try {
    const health = holder.__redlensStoreHealth;
    if (health) health.noteFailure(error);
    else console.error(`[redlens] store fault before the store was watched: ${describeStoreFailure(error)}`);
  } catch (failure) {
    console.error('[redlens] could not record a store fault:', failure);
  }
}
