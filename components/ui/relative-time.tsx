'use client';
// "3 min ago", kept current while the page is open. One shared clock ticks for every instance.
// Nothing is rendered on the server or while hydrating, so the server's clock never mismatches
// the browser's.
import { useSyncExternalStore } from 'react';
import { formatRelativeTime } from '@/lib/format';

const TICK_MS = 10_000;

let now = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const clientNow = () => now;
const serverNow = () => null;

export function RelativeTime({ at }: { at: number }) {
  const current = useSyncExternalStore(subscribe, clientNow, serverNow);
  return current === null ? null : <>{formatRelativeTime(at, current)}</>;
}
