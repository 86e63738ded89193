// Which sessions are live. The cookie proves who signed in; this lets sign-out end the session
// on the server too, so a copied cookie stops working at once. A session belongs to the username
// it was opened for: whoever holds the session secret cannot re-sign a viewer's live session id
// as `user=admin`.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Store } from '@/lib/store/sqlite';
import { SESSION_TTL_SECONDS } from './session';

export interface SessionRegistry {
  /** A new session id for `username`, live until expiresAt (unix ms). */
  open(username: string, expiresAt: number, now?: number): string;
  /** True when `id` was opened for `username`, has not expired and was not revoked. */
  isLive(id: string, username: string, now?: number): boolean;
  /**
   * Ends a session. It is refused in this process at once, whatever happens next; throws when the
   * store could not record it (so it would be live again after a restart).
   */
  revoke(id: string, now?: number): void;
}

const newId = () => randomBytes(18).toString('base64url');

/** Revocations older than a session's life can be forgotten: the session has expired anyway. */
const SESSION_MEMORY_MS = SESSION_TTL_SECONDS * 1000;

/** Kept in the embedded store, so a restart of the dashboard signs nobody out. */
export class StoredSessions implements SessionRegistry {
  // Revocations this process made, consulted first: a sign-out holds even when the store
  // could not record it. Ids are random and sessions expire, so the map stays small.
  private readonly revoked = new Map<string, number>();
  // Prepared once: isLive runs on every signed-in request and page.
  private readonly purgeExpired;
  private readonly insert;
  private readonly select;
  private readonly markRevoked;

  constructor(private readonly db: Store) {
    this.purgeExpired = db.prepare('DELETE FROM sessions WHERE expires_at < ?');
    this.insert = db.prepare('INSERT INTO sessions (id, username, expires_at) VALUES (?, ?, ?)');
    this.select = db.prepare<[string], { username: string; expiresAt: number; revokedAt: number | null }>(
      'SELECT username, expires_at AS expiresAt, revoked_at AS revokedAt FROM sessions WHERE id = ?',
    );
    this.markRevoked = db.prepare('UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
  }

  open(username: string, expiresAt: number, now = Date.now()): string {
    const id = newId();
    this.db.transaction(() => {
      this.purgeExpired.run(now);
      this.insert.run(id, username, expiresAt);
    })();
    for (const [revokedId, at] of this.revoked) if (at < now - SESSION_MEMORY_MS) this.revoked.delete(revokedId);
    return id;
  }

  isLive(id: string, username: string, now = Date.now()): boolean {
    if (this.revoked.has(id)) return false;
    const row = this.select.get(id);
    return row !== undefined && row.username === username && row.revokedAt === null && row.expiresAt > now;
  }

  revoke(id: string, now = Date.now()): void {
    this.revoked.set(id, now);
    this.markRevoked.run(now, id);
  }
}

/** For tests and tools that have no store: the same rules, in memory. */
export class MemorySessions implements SessionRegistry {
  private readonly sessions = new Map<string, { username: string; expiresAt: number; revoked: boolean }>();

  open(username: string, expiresAt: number): string {
    const id = newId();
    this.sessions.set(id, { username, expiresAt, revoked: false });
    return id;
  }

  isLive(id: string, username: string, now = Date.now()): boolean {
    const session = this.sessions.get(id);
    return session !== undefined && session.username === username && !session.revoked && session.expiresAt > now;
  }

  revoke(id: string): void {
    const session = this.sessions.get(id);
    if (session) session.revoked = true;
  }
}
