import type { Me } from '@/lib/api/roles';
import { Badge } from '@/components/ui/badge';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

export function UserMenu({ me }: { me: Me }) {
  return (
    <div data-testid="user-menu" className="ml-auto flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
      <span className="min-w-0 break-all">
        <span className="sr-only">Signed in as </span>
        <span className="font-medium text-slate-900">{me.username}</span>{' '}
        <span className="text-slate-500">({me.role})</span>
      </span>
      {me.readOnly ? (
        <span title="REDLENS_READ_ONLY is set: Redlens offers and accepts no change to Redis.">
          <Badge tone="warn">Read-only</Badge>
        </span>
      ) : null}
      <ThemeToggle />
      <SignOutButton />
    </div>
  );
}
