// The audit log: who did what, when, from where, to which instance and target, and how it went.
import type { Store } from '@/lib/store/sqlite';
import type { AuditEntry, AuditQuery } from './types';

export function recordAudit(store: Store, entry: Omit<AuditEntry, 'id' | 'at'> & { at?: number }): void {
  store
    .prepare(
      `INSERT INTO audit (at, actor, role, address, instance, action, target, outcome, detail)
       VALUES (@at, @actor, @role, @address, @instance, @action, @target, @outcome, @detail)`,
    )
    .run({ ...entry, at: entry.at ?? Date.now() });
}

/** Newest first; `before` is the id of the last entry of the previous page. */
export function listAudit(store: Store, query: AuditQuery): AuditEntry[] {
  const where: string[] = [];
  const params: Record<string, string | number> = { limit: query.limit };
  for (const field of ['actor', 'action', 'instance', 'outcome'] as const) {
    const value = query[field];
    if (value !== undefined) {
      where.push(`${field} = @${field}`);
      params[field] = value;
    }
  }
  if (query.before !== undefined) {
    where.push('id < @before');
    params.before = query.before;
  }
  const rows = store
    .prepare(`SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT @limit`)
    .all(params);
  // Rows are written only by recordAudit above, so their columns have AuditEntry's types.
  return rows as AuditEntry[];
}
