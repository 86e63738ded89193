'use client';
import { useLogout } from '@/lib/queries/auth';
import { loadPage } from '@/lib/queries/full-navigation';
import { SIGN_IN_PATH } from '@/lib/queries/session-expired';
import { Button } from '@/components/ui/button';

export function SignOutButton() {
  const logout = useLogout();
  // Stays disabled after success until the full navigation to the sign-in page lands.
  const busy = logout.isPending || logout.isSuccess;
  return (
    <>
      <Button
        onClick={() => logout.mutate(undefined, { onSuccess: () => loadPage(SIGN_IN_PATH) })}
        disabled={busy}
        aria-busy={busy}
      >
        Sign out
      </Button>
      {logout.isError ? (
        <span role="alert" className="basis-full text-right text-xs text-red-700">
          Could not sign out: {logout.error.message}
        </span>
      ) : null}
    </>
  );
}
