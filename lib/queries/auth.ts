// Sign-in and sign-out. Callers then load the next page in full (see full-navigation.ts).
import { useMutation } from '@tanstack/react-query';
import type { Me } from '@/lib/api/roles';
import { fetchJson } from './fetch-json';
import { SHOWS_UNAUTHENTICATED } from './session-expired';

export interface Credentials {
  username: string;
  password: string;
}

export function useLogin() {
  return useMutation({
    mutationFn: (credentials: Credentials) =>
      fetchJson<Me>('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(credentials),
      }),
    // A 401 here is "wrong username or password", shown in the form.
    meta: SHOWS_UNAUTHENTICATED,
  });
}

export function useLogout() {
  return useMutation({
    mutationFn: () => fetchJson<{ ok: true }>('/api/auth/logout', { method: 'POST' }),
  });
}
