'use client';
// An instance's name for headings, from the instance list every page polls; its id until the list
// has answered (and while hydrating, so the server's render and the browser's first one agree).
import { useInstances } from '@/lib/queries/instances';
import { useHydrated } from '@/lib/queries/use-hydrated';

export function useInstanceName(id: string): string {
  const instances = useInstances();
  const hydrated = useHydrated();
  return (hydrated && instances.data?.instances.find((instance) => instance.id === id)?.name) || id;
}
