'use client';
// A key's TTL counting down live from the moment Redlens read it; one shared 1 s clock.
import { useSyncExternalStore } from 'react';
import { formatMillisAsDuration } from '@/lib/format';

let now = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

export function TtlCountdown({ ttlMs, readAt }: { ttlMs: number; readAt: number }) {
  const current = useSyncExternalStore(subscribe, () => now, () => 0);
  if (ttlMs < 0) return <span data-testid="key-ttl">no TTL</span>;
  const left = ttlMs - Math.max(0, (current || readAt) - readAt);
  return (
    <span data-testid="key-ttl" className="tabular-nums">
      {left <= 0 ? 'expired (reload to confirm)' : formatMillisAsDuration(left)}
    </span>
  );
}
