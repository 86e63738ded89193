// The store watcher on a real SQLite file in a temp dir: deleted, replaced, vanished, failed writes.
import { existsSync, mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, STORE_FILE, type Store } from './sqlite';
import { currentStoreHealth, noteStoreFailure, StoreHealth, watchStore } from './store-health';

const opened: Store[] = [];

function watched() {
  const dir = mkdtempSync(path.join(tmpdir(), 'redlens-store-health-'));
  const store = openStore(dir);
  opened.push(store);
  store.exec('CREATE TABLE IF NOT EXISTS kept (v TEXT); INSERT INTO kept VALUES (\'before\')');
  const lines: string[] = [];
  const health = new StoreHealth(store, dir, { log: (line) => lines.push(line) });
  return { dir, store, health, lines, file: path.join(dir, STORE_FILE) };
}

function sqliteError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

afterEach(() => {
  currentStoreHealth()?.stop();
  for (const store of opened.splice(0)) store.close();
});

describe('openStore', () => {
  it('keeps the WAL index in memory: no -shm file is mapped', () => {
    const { dir, store } = watched();
    store.prepare('INSERT INTO kept VALUES (?)').run('more');
    expect(existsSync(path.join(dir, `${STORE_FILE}-wal`))).toBe(true);
    expect(existsSync(path.join(dir, `${STORE_FILE}-shm`))).toBe(false);
    expect(store.pragma('locking_mode', { simple: true })).toBe('exclusive');
  });
});

describe('StoreHealth', () => {
  it('is ok on a healthy store, and its write probe reaches the WAL file', () => {
    const { dir, health, lines } = watched();
    const wal = path.join(dir, `${STORE_FILE}-wal`);
    const before = statSync(wal).size;
    expect(health.check()).toEqual({ ok: true });
    expect(statSync(wal).size).toBeGreaterThan(before);
    expect(lines).toEqual([]);
  });

  it('reports redlens.db deleted while open, logs it once, and reads go on', () => {
    const { store, health, lines, file } = watched();
    unlinkSync(file);
    const status = health.check();
    expect(status.ok).toBe(false);
    expect(status.problem).toMatch(/redlens\.db was deleted while Redlens runs/);
    expect(Date.parse(status.since!)).toBeLessThanOrEqual(Date.now());
    health.check();
    health.check({ probeWrite: false });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[redlens\] store fault: redlens\.db was deleted/);
    expect(store.prepare('SELECT v FROM kept').pluck().all()).toEqual(['before']);
  });

  it('reports redlens.db replaced by another file', () => {
    const { health, file } = watched();
    unlinkSync(file);
    writeFileSync(file, 'not the store');
    expect(health.check().problem).toMatch(/replaced by another file/);
  });

  it('reports a vanished data directory', () => {
    const { dir, health } = watched();
    rmSync(dir, { recursive: true, force: true });
    expect(health.check().problem).toMatch(/data directory .* is gone/);
  });

  it('keeps a failed write until a write works again, then logs the recovery', () => {
    const { health, lines } = watched();
    health.noteFailure(sqliteError('SQLITE_FULL', 'database or disk is full'));
    expect(health.status()).toMatchObject({ ok: false, problem: expect.stringMatching(/disk of the data directory is full/) });
    // A status poll sees nothing wrong in the file system, but only a working write clears a failed one.
    expect(health.check({ probeWrite: false }).ok).toBe(false);
    expect(health.check()).toEqual({ ok: true });
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/store recovered/);
  });

  it('is what noteStoreFailure reaches, from any module', () => {
    const { health } = watched();
    watchStore(health, 60_000);
    noteStoreFailure(sqliteError('SQLITE_IOERR_WRITE', 'disk I/O error'));
    expect(currentStoreHealth()?.status().problem).toMatch(/disk I\/O error \(SQLITE_IOERR_WRITE\)/);
  });
});
