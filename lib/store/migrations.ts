// Schema of the embedded store, one entry per version; never edit an entry once released.

// Metric columns, the snake_case of lib/history/types.ts METRICS in the same order, written out
// (not imported) so a later change to METRICS cannot change a released migration.
const ROLLUP_METRICS = [
  'used_memory',
  'used_memory_rss',
  'maxmemory',
  'fragmentation_ratio',
  'connected_clients',
  'blocked_clients',
  'ops_per_sec',
  'hit_ratio',
  'hits_per_sec',
  'misses_per_sec',
  'evicted_per_sec',
  'expired_per_sec',
  'net_input_bytes_per_sec',
  'net_output_bytes_per_sec',
  'ping_p95_ms',
];

/** Metric columns added by migration 7 (lib/history/types.ts METRICS after ping_p95_ms), written out. */
const MIGRATION_7_METRICS = ['keys', 'ops_per_sec_raw', 'hit_ratio_raw', 'hits_per_sec_raw', 'misses_per_sec_raw'];

/** A rollup table: per instance and bucket, the sample counts and min/avg/max of each metric. */
function rollupTable(name: string): string {
  const columns = ROLLUP_METRICS.map((m) => `${m}_min REAL, ${m}_avg REAL, ${m}_max REAL`).join(',\n     ');
  return `CREATE TABLE ${name} (
     instance TEXT NOT NULL,
     ts INTEGER NOT NULL,            -- bucket start, unix ms
     samples INTEGER NOT NULL,
     up_samples INTEGER NOT NULL,
     ${columns},
     PRIMARY KEY (instance, ts)
   ) WITHOUT ROWID;`;
}

// Bytes a row takes, for the size caps of lib/store/retention.ts, kept per table by triggers so a
// cap is checked without scanning (dbstat reads every page: ~100 ms at a million rows). What
// the columns hold, plus a fixed overhead per row for the b-tree cell and the index entries
// (measured against dbstat in lib/store/retention.load.test.ts). Written out for migration 6,
// never changed after it is released.
const SLOWLOG_ROW_BYTES = (row: 'NEW' | 'OLD') =>
  `(72 + 2 * (octet_length(${row}.instance) + octet_length(${row}.run_id)) + octet_length(${row}.args)
    + coalesce(octet_length(${row}.line), 0) + octet_length(${row}.client) + octet_length(${row}.client_name)
    + coalesce(octet_length(${row}.fingerprint), 0))`;
const AUDIT_ROW_BYTES = (row: 'NEW' | 'OLD') =>
  `(40 + octet_length(${row}.actor) + coalesce(octet_length(${row}.role), 0) + octet_length(${row}.address)
    + coalesce(octet_length(${row}.instance), 0) + octet_length(${row}.action) + coalesce(octet_length(${row}.target), 0)
    + octet_length(${row}.outcome) + coalesce(octet_length(${row}.detail), 0))`;

/** Triggers that keep store_usage (rows, bytes) of `table` up to date. */
function usageTriggers(table: string, bytes: (row: 'NEW' | 'OLD') => string): string {
  return `INSERT INTO store_usage (name, rows, bytes) SELECT '${table}', count(*), coalesce(sum(${bytes('OLD').replaceAll('OLD.', '')}), 0) FROM ${table};
   CREATE TRIGGER ${table}_usage_insert AFTER INSERT ON ${table} BEGIN
     UPDATE store_usage SET rows = rows + 1, bytes = bytes + ${bytes('NEW')} WHERE name = '${table}';
   END;
   CREATE TRIGGER ${table}_usage_delete AFTER DELETE ON ${table} BEGIN
     UPDATE store_usage SET rows = rows - 1, bytes = bytes - ${bytes('OLD')} WHERE name = '${table}';
   END;
   CREATE TRIGGER ${table}_usage_update AFTER UPDATE ON ${table} BEGIN
     UPDATE store_usage SET bytes = bytes + ${bytes('NEW')} - ${bytes('OLD')} WHERE name = '${table}';
   END;`;
}

/** A slow log rollup: per instance, bucket and fingerprint, what the archive holds. */
function slowlogRollupTable(name: string): string {
  return `CREATE TABLE ${name} (
     instance TEXT NOT NULL,
     ts INTEGER NOT NULL,            -- bucket start, unix ms
     fingerprint TEXT NOT NULL,      -- lib/slowlog/fingerprint.ts; '(other)' past the cap per bucket
     count INTEGER NOT NULL,
     total_us INTEGER NOT NULL,
     max_us INTEGER NOT NULL,
     warning TEXT,                   -- the tuning-guide pattern of its entries (lib/slowlog/warnings.ts)
     PRIMARY KEY (instance, ts, fingerprint)
   ) WITHOUT ROWID;`;
}

export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,            -- unix ms
     actor TEXT NOT NULL,            -- username, token:name, or the username tried at sign-in
     role TEXT,                      -- null when not signed in
     address TEXT NOT NULL,
     instance TEXT,
     action TEXT NOT NULL,           -- auth.login, auth.logout, slowlog.reset, key.delete, ...
     target TEXT,
     outcome TEXT NOT NULL,          -- ok, denied, failed, throttled
     detail TEXT
   );
   CREATE INDEX audit_at ON audit (at);`,
  // History: raw samples (48 h), then min/avg/max per minute (30 d) and per hour (1 y).
  // Column names are the snake_case of lib/history/types.ts METRICS, in the same order.
  `CREATE TABLE samples_raw (
     instance TEXT NOT NULL,
     ts INTEGER NOT NULL,            -- unix ms
     up INTEGER NOT NULL,            -- 1 when Redis answered, 0 when it was down
     run_id TEXT,
     used_memory REAL,
     used_memory_rss REAL,
     maxmemory REAL,
     fragmentation_ratio REAL,
     connected_clients REAL,
     blocked_clients REAL,
     ops_per_sec REAL,
     hit_ratio REAL,
     hits_per_sec REAL,
     misses_per_sec REAL,
     evicted_per_sec REAL,
     expired_per_sec REAL,
     net_input_bytes_per_sec REAL,
     net_output_bytes_per_sec REAL,
     ping_p95_ms REAL,
     PRIMARY KEY (instance, ts)
   ) WITHOUT ROWID;
   ${rollupTable('rollup_1m')}
   ${rollupTable('rollup_1h')}
   CREATE TABLE findings (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     instance TEXT NOT NULL,
     rule TEXT NOT NULL,
     severity TEXT NOT NULL,
     title TEXT NOT NULL,
     detail TEXT NOT NULL,
     started_at INTEGER NOT NULL,
     ended_at INTEGER                -- null while active
   );
   CREATE INDEX findings_open ON findings (instance, ended_at);
   CREATE INDEX findings_started ON findings (instance, started_at);`,
  // The slow log archive: every entry Redlens read, keyed as Redis numbers them (ids keep
  // counting after SLOWLOG RESET and start again after a restart, hence run_id), and the gaps
  // where entries rotated out before Redlens read them.
  `CREATE TABLE slowlog_archive (
     instance TEXT NOT NULL,
     run_id TEXT NOT NULL,
     id INTEGER NOT NULL,
     ts INTEGER NOT NULL,            -- unix seconds, Redis's clock
     duration_us INTEGER NOT NULL,
     args TEXT NOT NULL,             -- JSON array of display strings
     client TEXT NOT NULL,
     client_name TEXT NOT NULL,
     PRIMARY KEY (instance, run_id, id)
   ) WITHOUT ROWID;
   CREATE INDEX slowlog_archive_ts ON slowlog_archive (instance, ts);
   CREATE TABLE slowlog_gaps (
     instance TEXT NOT NULL,
     run_id TEXT NOT NULL,
     after_id INTEGER NOT NULL,
     missed INTEGER NOT NULL,
     recorded_at INTEGER NOT NULL,   -- unix ms
     PRIMARY KEY (instance, run_id, after_id)
   ) WITHOUT ROWID;
   CREATE TABLE slowlog_resets (
     instance TEXT NOT NULL,
     run_id TEXT NOT NULL,
     last_id INTEGER NOT NULL,       -- the newest id the reset archived
     at INTEGER NOT NULL,            -- unix ms
     PRIMARY KEY (instance, run_id, last_id)
   ) WITHOUT ROWID;`,
  // Sessions, so signing out (or an admin) can end a session before its cookie expires.
  `CREATE TABLE sessions (
     id TEXT PRIMARY KEY,
     username TEXT NOT NULL,
     expires_at INTEGER NOT NULL,    -- unix ms
     revoked_at INTEGER              -- unix ms; null while live
   ) WITHOUT ROWID;`,
  // Throttled sign-ins are aggregated (one row per username, address and minute, with a count),
  // so an outsider cannot grow the store one row per request.
  `ALTER TABLE audit ADD COLUMN count INTEGER NOT NULL DEFAULT 1;`,
  // The slow log archive at scale (a million rows): the command line as shown (searched by `q`,
  // so "GET user:1" matches) and the fingerprint per row (null for rows written before, filled
  // in chunks by SlowlogArchive.backfillSome); per-minute and per-hour rollups the charts read
  // instead of the rows; gaps found by time; the bytes of the archive and the audit log for
  // their size caps.
  `ALTER TABLE slowlog_archive ADD COLUMN line TEXT;
   ALTER TABLE slowlog_archive ADD COLUMN fingerprint TEXT;
   CREATE INDEX slowlog_archive_unrolled ON slowlog_archive (instance) WHERE fingerprint IS NULL;
   ${slowlogRollupTable('slowlog_rollup_1m')}
   ${slowlogRollupTable('slowlog_rollup_1h')}
   CREATE INDEX slowlog_gaps_at ON slowlog_gaps (instance, recorded_at);
   CREATE TABLE store_usage (
     name TEXT PRIMARY KEY,          -- a table
     rows INTEGER NOT NULL,
     bytes INTEGER NOT NULL          -- an estimate: see SLOWLOG_ROW_BYTES
   ) WITHOUT ROWID;
   ${usageTriggers('slowlog_archive', SLOWLOG_ROW_BYTES)}
   ${usageTriggers('audit', AUDIT_ROW_BYTES)}`,
  // Figures with Redlens's own traffic taken out (SPEC section 8): the rates kept so far become
  // the application's, INFO's are kept beside them as *_raw; the total keys (for "what changed"
  // and data loss). Events (SPEC section 9). A finding keeps its whole rule result (value,
  // threshold, remediation) as JSON, so one held open while its condition clears, or across a
  // restart of Redlens, still says everything.
  `${[...MIGRATION_7_METRICS.map((m) => `ALTER TABLE samples_raw ADD COLUMN ${m} REAL;`),
    ...['rollup_1m', 'rollup_1h'].flatMap((table) =>
      MIGRATION_7_METRICS.flatMap((m) => ['min', 'avg', 'max'].map((agg) => `ALTER TABLE ${table} ADD COLUMN ${m}_${agg} REAL;`))),
  ].join('\n   ')}
   ALTER TABLE findings ADD COLUMN result TEXT;
   CREATE TABLE events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     instance TEXT NOT NULL,
     at INTEGER NOT NULL,            -- unix ms
     kind TEXT NOT NULL,             -- lib/events/types.ts EVENT_KINDS
     title TEXT NOT NULL,
     detail TEXT NOT NULL,
     before TEXT,                    -- JSON, where there is such a value
     after TEXT,                     -- JSON
     actor TEXT                      -- who, for what Redlens did on someone's behalf
   );
   CREATE INDEX events_at ON events (instance, at);`,
  // Jobs (lib/jobs): long work such as a keyspace analysis, with its last progress and its result
  // (partial when cancelled), so a restart of Redlens reports one that was running as interrupted.
  `CREATE TABLE jobs (
     id TEXT PRIMARY KEY,
     instance TEXT NOT NULL,
     kind TEXT NOT NULL,             -- analysis, ...
     status TEXT NOT NULL,           -- running, done, cancelled, failed, interrupted
     params TEXT NOT NULL,           -- JSON
     progress TEXT,                  -- JSON, the last reported
     result TEXT,                    -- JSON
     error TEXT,
     actor TEXT,
     started_at INTEGER NOT NULL,    -- unix ms
     finished_at INTEGER             -- unix ms; null while running
   ) WITHOUT ROWID;
   CREATE INDEX jobs_by_instance ON jobs (instance, kind, started_at);`,
  // Weekly reports delivered to the config's webhook (lib/delivery): the Markdown as it was sent,
  // one row per ISO week, so a week is sent once even across a restart of Redlens.
  `CREATE TABLE sent_reports (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     week TEXT NOT NULL UNIQUE,      -- ISO week of the report, 2026-W49
     generated_at INTEGER NOT NULL,  -- unix ms
     markdown TEXT NOT NULL,
     status TEXT NOT NULL,           -- sending, sent, failed
     attempts INTEGER NOT NULL DEFAULT 0,
     sent_at INTEGER,                -- unix ms, when the webhook took it
     error TEXT                      -- why the last attempt failed
   );`,
];
