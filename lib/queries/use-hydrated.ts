'use client';
// False while React hydrates server HTML, true after. Data that another component may already
// have fetched (the instance list, started by the down banner) must not change what a later
// hydrating Suspense boundary renders, or React throws a hydration mismatch (#418).
import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
