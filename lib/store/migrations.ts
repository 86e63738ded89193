// Schema of the embedded store, one entry per version; never edit an entry once released.

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
];
