'use client';
// Every setting the server reports besides the audited ones, searchable by name or value; an
// admin may change the allowlisted ones (maxclients) here too.
import { useId, useState } from 'react';
import type { OtherSetting } from '@/lib/config-audit/types';
import { plural } from '@/lib/format';
import { AdminOnly } from '@/components/auth/admin-only';
import { TextInput } from '@/components/ui/field';
import { ApplySetting } from './apply-setting';
import { filterSettings } from './model/filter-settings';

export function OtherSettings({ id, settings, redacted }: { id: string; settings: readonly OtherSetting[]; redacted: readonly string[] }) {
  const searchId = useId();
  const headingId = useId();
  const [search, setSearch] = useState('');
  const shown = filterSettings(settings, search);
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <h2 id={headingId} className="text-lg font-semibold text-slate-900">Every other setting</h2>
          <p className="text-sm text-slate-600">
            {plural(settings.length, 'setting', 'settings')}
            {redacted.length > 0 ? `; never shown: ${redacted.join(', ')}` : ''}.
          </p>
        </div>
        <div className="w-full sm:w-72">
          <label htmlFor={searchId} className="block text-sm font-medium text-slate-700">Search settings</label>
          <TextInput id={searchId} type="search" value={search} onChange={(event) => setSearch(event.currentTarget.value)} className="mt-1" />
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">No setting matches “{search}”.</p>
      ) : (
        <div className="table-scroll rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm" data-testid="config-other-table">
            <thead className="bg-slate-50 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Setting</th>
                <th scope="col" className="px-3 py-2">Value</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shown.map((setting) => (
                <tr key={setting.name} data-testid="config-other-row">
                  <th scope="row" className="px-3 py-1.5 font-mono text-xs font-medium break-all text-slate-900">{setting.name}</th>
                  <td className="px-3 py-1.5 font-mono text-xs break-all">
                    {setting.value === '' ? <span className="text-slate-500">(empty)</span> : setting.value}
                    {setting.allowlisted ? (
                      <AdminOnly>
                        <span className="ml-2">
                          <ApplySetting id={id} name={setting.name} current={setting.value} suggested={setting.value} label="Change…" />
                        </span>
                      </AdminOnly>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
