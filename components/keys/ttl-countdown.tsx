'use client';
// A key's TTL counting down live from the moment Redlens read it.
import { formatMillisAsDuration } from '@/lib/format';
import { useNow } from '@/components/ui/use-now';

export function TtlCountdown({ ttlMs, readAt }: { ttlMs: number; readAt: number }) {
  const now = useNow(1_000);
  if (ttlMs < 0) return <span data-testid="key-ttl">no TTL</span>;
  const left = ttlMs - Math.max(0, (now ?? readAt) - readAt);
  return (
    <span data-testid="key-ttl" className="tabular-nums">
      {left <= 0 ? 'expired (reload to confirm)' : formatMillisAsDuration(left)}
    </span>
  );
}
