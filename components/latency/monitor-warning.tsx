'use client';
// The latency monitor is off (latency-monitor-threshold 0): LATENCY LATEST and HISTORY stay empty
// however slow Redis is. The warning gives the fix; an admin may apply it, after a confirmation
// that shows the setting before and after (PATCH .../config, audited on the server).
import { useState } from 'react';
import { LATENCY_MONITOR_FIX } from '@/lib/commands/types';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import { useEnableLatencyMonitor } from '@/lib/queries/latency';
import { AdminOnly } from '@/components/auth/admin-only';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';

export function MonitorWarning({ id, fix }: { id: string; fix: string }) {
  const [confirming, setConfirming] = useState(false);
  const apply = useEnableLatencyMonitor(id);
  const { toast } = useToast();
  return (
    <div role="note" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950" data-testid="latency-monitor-warning">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>The latency monitor is off
      </p>
      <p>
        <code className="font-mono">{LATENCY_MONITOR_FIX.name}</code> is 0, so Redis records no latency events: LATENCY LATEST,
        HISTORY and DOCTOR below stay empty however slow it gets. The tuning guide turns it on at 100 ms:
      </p>
      <pre className="overflow-x-auto rounded bg-white px-2 py-1 font-mono text-xs text-slate-900" data-testid="latency-monitor-fix">{fix}</pre>
      <AdminOnly>
        <Button onClick={() => { apply.reset(); setConfirming(true); }} data-testid="latency-monitor-apply">
          Apply…
        </Button>
        <ConfirmDialog
          open={confirming}
          title="Turn the latency monitor on?"
          confirmLabel="Apply"
          busy={apply.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            apply.mutate(undefined, {
              onSuccess: (reply) => {
                setConfirming(false);
                toast(`Applied ${reply.name}: ${reply.before ?? '(none)'} → ${reply.after ?? '(none)'} ms. The latency monitor is on.`);
              },
            })
          }
        >
          <p>
            <code className="font-mono">CONFIG SET {LATENCY_MONITOR_FIX.name}</code>: from <strong>0</strong> (off) to{' '}
            <strong>{LATENCY_MONITOR_FIX.value}</strong> ms. Redis then records every event slower than that; the change is
            audited, and lost at a restart unless redis.conf says the same.
          </p>
          {apply.error ? (
            <p role="alert" className="mt-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900" data-testid="latency-monitor-apply-error">
              {apply.error.message} {errorCodeOf(apply.error) ? <code className="font-mono text-xs">({errorCodeOf(apply.error)})</code> : null}
            </p>
          ) : null}
        </ConfirmDialog>
      </AdminOnly>
    </div>
  );
}
