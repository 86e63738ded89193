// Which sessions are live. The cookie proves who signed in; this lets sign-out end the session
// on the server too, so a copied cookie stops working at once.
import { randomBytes } from 'node:crypto';
import type { Store } from '@/lib/store/sqlite';

export interface SessionRegistry {
  /** A new session id, live until expiresAt (unix ms). */
  open(username: string, expiresAt: number, now?: number): string;
  isLive(id: string, now?: number): boolean;
  revoke(id: string, now?: number): void;
}

const newId = () => randomBytes(18).toString('base64url');

/** Kept in the embedded store, so a restart of the dashboard signs nobody out. */
export class StoredSessions implements SessionRegistry {
  constructor(private readonly db: Store) {}

  open(username: string, expiresAt: number, now = Date.now()): string {
    const id = newId();
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
      this.db.prepare('INSERT INTO sessions (id, username, expires_at) VALUES (?, ?, ?)').run(id, username, expiresAt);
    })();
    return id;
  }

  isLive(id: string, now = Date.now()): boolean {
    const row = this.db.prepare('SELECT expires_at AS expiresAt, revoked_at AS revokedAt FROM sessions WHERE id = ?').get(id) as
      | { expiresAt: number; revokedAt: number | null }
      | undefined;
    return row !== undefined && row.revokedAt === null && row.expiresAt > now;
  }

  revoke(id: string, now = Date.now()): void {
    this.db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id);
  }
}

/** For tests and tools that have no store: the same rules, in memory. */
export class MemorySessions implements SessionRegistry {
  private readonly sessions = new Map<string, { expiresAt: number; revoked: boolean }>();

  open(_username: string, expiresAt: number): string {
    const id = newId();
    this.sessions.set(id, { expiresAt, revoked: false });
    return id;
  }

  isLive(id: string, now = Date.now()): boolean {
    const session = this.sessions.get(id);
    return session !== undefined && !session.revoked && session.expiresAt > now;
  }

  revoke(id: string): void {
    const session = this.sessions.get(id);
    if (session) session.revoked = true;
  }
}
