import { Card } from '@/components/ui/card';

/** The audit page for a viewer: a plain statement, not a redirect, so a shared link explains itself. */
export function AuditForbidden() {
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold text-slate-900">Audit log</h1>
      <Card className="max-w-prose" data-testid="audit-forbidden">
        <h2 className="text-base font-semibold text-slate-900">Only admins can read the audit log</h2>
        <p className="mt-1 text-sm text-slate-600">
          You are signed in as a viewer. Ask an admin, or sign in as one, to see who changed what.
        </p>
      </Card>
    </div>
  );
}
