'use client';
// The sign-in card. The API's own words are shown on failure: wrong password, throttled (with
// the seconds to wait), or the server unreachable. Success goes back to the page that was asked
// for (`returnTo`, already checked by the page to be one of this dashboard's).
import { useId, useRef, type FormEvent } from 'react';
import { LOGIN_MAX_LENGTH } from '@/lib/api/login';
import { useLogin } from '@/lib/queries/auth';
import { loadPage } from '@/lib/queries/full-navigation';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, TextInput } from '@/components/ui/field';

export function LoginForm({ returnTo = '/' }: { returnTo?: string }) {
  const login = useLogin();
  const passwordRef = useRef<HTMLInputElement>(null);
  const usernameId = useId();
  const passwordId = useId();
  // Stays busy after success until the full navigation lands.
  const busy = login.isPending || login.isSuccess;

  function signIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    login.mutate(
      { username: String(form.get('username') ?? ''), password: String(form.get('password') ?? '') },
      {
        onSuccess: () => loadPage(returnTo),
        // Ready to retype: the username is usually right, the password is what failed.
        onError: () => passwordRef.current?.select(),
      },
    );
  }

  return (
    <Card className="w-full max-w-sm">
      <h1 className="text-xl font-bold text-slate-900">Sign in to Redlens</h1>
      <form onSubmit={signIn} className="mt-5">
        <div className="space-y-4">
          <Field label="Username" htmlFor={usernameId}>
            <TextInput id={usernameId} name="username" autoComplete="username" required maxLength={LOGIN_MAX_LENGTH.username} autoFocus />
          </Field>
          <Field label="Password" htmlFor={passwordId}>
            <TextInput
              ref={passwordRef}
              id={passwordId}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              maxLength={LOGIN_MAX_LENGTH.password}
            />
          </Field>
        </div>
        {/* Always rendered, with a line reserved: screen readers announce a message that appears
            in an existing alert region, and the button does not jump when one does. */}
        <div role="alert" data-testid="login-error" className="mt-3 min-h-5 text-sm text-red-800">
          {login.isError ? login.error.message : null}
        </div>
        <Button type="submit" variant="primary" className="mt-3 w-full" disabled={busy} aria-busy={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
      <p className="mt-5 text-xs text-slate-500">
        The admin password is printed by <code className="font-mono">npm run demo</code>, or set with{' '}
        <code className="font-mono">REDLENS_ADMIN_PASSWORD</code>.
      </p>
    </Card>
  );
}
