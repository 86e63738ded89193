'use client';
// Tells admins when Redlens cannot keep what it records (its data directory read-only, gone or
// full, redlens.db deleted): they are the ones who can fix it. Viewers are not asked to.
import { useMe } from '@/components/auth/me-context';
import { endSentence, formatClock } from '@/lib/format';
import { useStoreStatus } from '@/lib/queries/store';

export function StoreBanner() {
  const me = useMe();
  const { data } = useStoreStatus({ enabled: me.role === 'admin' });
  if (me.role !== 'admin' || !data || data.ok) return null;
  return (
    <div role="alert" data-testid="store-banner" className="border-b border-amber-300 bg-amber-50 text-sm text-amber-950 print:hidden">
      <div className="mx-auto flex max-w-7xl gap-2 px-4 py-3">
        <span aria-hidden="true">⚠</span>
        <div className="min-w-0 break-words">
          <span className="font-semibold">Redlens cannot keep what it records.</span>{' '}
          {endSentence(data.problem ?? 'Its store cannot be written')}
          {data.since ? ` Since ${formatClock(data.since)}.` : ''} Pages keep showing what Redlens can read; changes
          that must be audited are refused until the store can be written again.
        </div>
      </div>
    </div>
  );
}
