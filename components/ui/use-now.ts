'use client';
// The current time for live texts ("3 min ago", a TTL counting down): one shared clock per tick
// length for the whole page, and null on the server and while hydrating, so the server's clock
// never mismatches the browser's.
import { useSyncExternalStore } from 'react';

interface Clock {
  now: number;
  timer: ReturnType<typeof setInterval> | undefined;
  listeners: Set<() => void>;
  subscribe: (listener: () => void) => () => void;
}

const clocks = new Map<number, Clock>();

function clockTicking(tickMs: number): Clock {
  let clock = clocks.get(tickMs);
  if (clock) return clock;
  const created: Clock = {
    now: Date.now(),
    timer: undefined,
    listeners: new Set(),
    subscribe: (listener) => {
      created.listeners.add(listener);
      if (created.timer === undefined) {
        created.now = Date.now();
        created.timer = setInterval(() => {
          created.now = Date.now();
          for (const notify of created.listeners) notify();
        }, tickMs);
      }
      return () => {
        created.listeners.delete(listener);
        if (created.listeners.size === 0) {
          clearInterval(created.timer);
          created.timer = undefined;
        }
      };
    },
  };
  clock = created;
  clocks.set(tickMs, clock);
  return clock;
}

const serverNow = () => null;

export function useNow(tickMs: number): number | null {
  const clock = clockTicking(tickMs);
  return useSyncExternalStore(clock.subscribe, () => clock.now, serverNow);
}
