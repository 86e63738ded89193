'use client';
// QueryClient defaults in one place: Redis errors are shown once by the banner, not per query.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiRequestError } from '@/lib/queries/fetch-json';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A down Redis is retried by polling, not by piling up retries.
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 600) return false;
  return failureCount < 2;
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: { retry: shouldRetry, refetchOnWindowFocus: true, staleTime: 1_000 },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
