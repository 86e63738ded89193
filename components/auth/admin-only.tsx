'use client';
// Wraps controls that change Redis (slow log reset, key delete, TTL edit): shown only to an admin
// when Redlens is not read-only. The API refuses the same requests, whatever the UI shows.
import type { ReactNode } from 'react';
import { canMutate } from '@/lib/api/roles';
import { useMe } from './me-context';

export function AdminOnly({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  return canMutate(useMe()) ? children : fallback;
}
