'use client';
// "3 min ago", kept current while the page is open; nothing on the server or while hydrating.
import { formatRelativeTime } from '@/lib/format';
import { useNow } from './use-now';

export function RelativeTime({ at }: { at: number }) {
  const now = useNow(10_000);
  return now === null ? null : <>{formatRelativeTime(at, now)}</>;
}
