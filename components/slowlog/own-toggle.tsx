'use client';
// The switch between the application's slow log (default) and one with Redlens's own entries
// (its key listings' SCANs, its reads) shown and marked; kept in the URL for both tabs.
import { useSearchParams } from 'next/navigation';
import { useId, useState } from 'react';
import type { OwnEntriesNote } from '@/lib/slowlog/types';
import { ownEntriesText, parseShowOwn, showOwnQuery } from './model/own-entries';
import { pushQuery } from './url';

export function OwnToggle({ own, where }: { own: OwnEntriesNote; where: 'live' | 'archive' }) {
  const searchParams = useSearchParams();
  const noteId = useId();
  // The box follows a click at once (Next applies a pushed URL to useSearchParams a little later)
  // and follows the URL when it changes otherwise (Back / Forward); the entries follow the refetch.
  const fromUrl = parseShowOwn(searchParams);
  const [checked, setChecked] = useState(fromUrl);
  const [urlSeen, setUrlSeen] = useState(fromUrl);
  if (urlSeen !== fromUrl) {
    setUrlSeen(fromUrl);
    setChecked(fromUrl);
  }
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm" data-testid="slowlog-own-toggle">
      <label className="inline-flex items-center gap-2 font-medium text-slate-800">
        <input
          type="checkbox"
          checked={checked}
          aria-describedby={noteId}
          onChange={(event) => {
            setChecked(event.target.checked);
            pushQuery(showOwnQuery(searchParams, event.target.checked));
          }}
          className="size-4 rounded border-slate-300 accent-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        />
        Show Redlens’s own entries
      </label>
      <span id={noteId} className="text-slate-600" data-testid="slowlog-own-note">
        {ownEntriesText(own, where)}
      </span>
    </div>
  );
}
