'use client';
// QueryClient defaults in one place: Redis errors are shown once by the banner, not per query,
// and an expired session (401 from any call) goes back to the sign-in page.
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { ApiRequestError } from '@/lib/queries/fetch-json';
import { redirectWhenSignedOut } from '@/lib/queries/session-expired';
import { ToastProvider } from '@/components/ui/toast';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A down Redis is retried by polling, not by piling up retries.
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 600) return false;
  return failureCount < 2;
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        queryCache: new QueryCache({ onError: (error, query) => redirectWhenSignedOut(error, query.meta) }),
        mutationCache: new MutationCache({
          onError: (error, _variables, _onMutateResult, mutation) => redirectWhenSignedOut(error, mutation.meta),
        }),
        defaultOptions: {
          queries: { retry: shouldRetry, refetchOnWindowFocus: true, staleTime: 1_000 },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <ToastProvider>{children}</ToastProvider>
    </QueryClientProvider>
  );
}
