'use client';
// The signed-in user for every client component below the dashboard shell, so features can hide
// what the role cannot do. Hiding is a courtesy: every route handler checks the role again.
import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '@/lib/api/roles';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext value={me}>{children}</MeContext>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() needs a <MeProvider> above it; the dashboard shell provides one.');
  return me;
}
