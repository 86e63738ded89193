// The one query-key factory: every cache entry and every invalidation goes through it.

export const queryKeys = {
  instances: () => ['instances'] as const,
  instance: (id: string) => ['instances', id] as const,
  info: (id: string) => ['instances', id, 'info'] as const,
};
