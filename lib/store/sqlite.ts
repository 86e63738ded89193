// The embedded store (better-sqlite3 in the data directory), opened on first use, never at
// module load: `next build` evaluates route modules and must not open files.
import 'server-only';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { MIGRATIONS } from './migrations';

export type Store = Database.Database;

export const STORE_FILE = 'redlens.db';

export function openStore(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, STORE_FILE));
  // Before WAL is entered: in EXCLUSIVE mode SQLite keeps the WAL index in heap memory instead of
  // mmapping a `-shm` file, so a data directory that turns read-only (or a full disk) under a
  // running process fails writes with an error instead of killing it with SIGBUS. The price: this
  // connection is the only one that may open the file (no second connection, no other process).
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  // No memory-mapped I/O of the database file either, for the same reason (0 is the default; said here on purpose).
  db.pragma('mmap_size = 0');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 2000');
  migrate(db);
  return db;
}

function migrate(db: Store): void {
  const applied = db.pragma('user_version', { simple: true }) as number;
  for (let version = applied; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
