// Audit log shapes, shared by the API and the audit page. No server imports.
import { z } from 'zod';
import type { Role } from '@/lib/api/roles';

// 'pending': written before a change is made, and replaced by how it went; a row left pending
// means the process stopped (or its store failed) in between, so the change may or may not have
// happened.
export const AUDIT_OUTCOMES = ['pending', 'ok', 'denied', 'failed', 'throttled'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export interface AuditEntry {
  id: number;
  /** unix ms */
  at: number;
  actor: string;
  role: Role | null;
  address: string;
  instance: string | null;
  action: string;
  target: string | null;
  outcome: AuditOutcome;
  detail: string | null;
  /** How many attempts the row stands for: throttled sign-ins are one row per username, address and minute. */
  count: number;
}

export interface AuditResponse {
  entries: AuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

const filterText = z.string().trim().min(1).max(200).optional();

export const auditQuerySchema = z
  .object({
    actor: filterText,
    action: filterText,
    instance: filterText,
    outcome: z.enum(AUDIT_OUTCOMES).optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export type AuditQuery = z.infer<typeof auditQuerySchema>;
