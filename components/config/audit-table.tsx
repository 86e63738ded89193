'use client';
// The section 3 audit: each setting's value against the recommendation, the status in words and
// colour, why, the fix as a CONFIG SET command and a redis.conf line (each with a copy button),
// and for an admin an Apply on the allowlisted rows.
import type { AuditStatus, AuditedSetting } from '@/lib/config-audit/types';
import { AdminOnly } from '@/components/auth/admin-only';
import { Badge } from '@/components/ui/badge';
import type { Tone } from '@/components/ui/tone';
import { ApplySetting } from './apply-setting';
import { CopyButton } from './copy-button';

export const STATUS_TONE: Record<AuditStatus, Tone> = { ok: 'ok', warn: 'warn', info: 'neutral' };

export function AuditTable({ id, settings }: { id: string; settings: readonly AuditedSetting[] }) {
  return (
    <div className="table-scroll rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="config-audit-table">
        <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            <th scope="col" className="px-3 py-2">Setting</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Value</th>
            <th scope="col" className="px-3 py-2">Recommended</th>
            <th scope="col" className="px-3 py-2">Why and the fix</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {settings.map((setting) => (
            <AuditRow key={setting.name} id={id} setting={setting} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AuditRow({ id, setting }: { id: string; setting: AuditedSetting }) {
  return (
    <tr data-testid="config-audit-row" data-setting={setting.name} data-status={setting.status} className="align-top">
      <th scope="row" className="px-3 py-2 font-mono text-xs font-medium break-all text-slate-900">{setting.name}</th>
      <td className="px-3 py-2">
        <Badge tone={STATUS_TONE[setting.status]} data-testid="config-status">{setting.status}</Badge>
      </td>
      <td className="px-3 py-2 font-mono text-xs break-all">{setting.value ?? <span className="text-slate-500">not reported</span>}</td>
      <td className="px-3 py-2 text-xs">{setting.recommended}</td>
      <td className="space-y-1.5 px-3 py-2 text-xs text-slate-700">
        <p>{setting.why}</p>
        {setting.status === 'ok' ? null : (
          <>
            <FixLine label="CONFIG SET command" text={setting.fix.command} />
            <FixLine label="redis.conf line" text={setting.fix.conf} />
            {setting.allowlisted && setting.value !== null ? (
              <AdminOnly>
                <ApplySetting id={id} name={setting.name} current={setting.value} suggested={setting.fixValue} />
              </AdminOnly>
            ) : null}
          </>
        )}
      </td>
    </tr>
  );
}

function FixLine({ label, text }: { label: string; text: string }) {
  return (
    <div className="flex items-start gap-2">
      <pre className="min-w-0 flex-1 overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs whitespace-pre-wrap break-all" aria-label={label}>{text}</pre>
      <CopyButton text={text} label={`the ${label}`} />
    </div>
  );
}
