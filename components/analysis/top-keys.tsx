'use client';
// The biggest keys: the top 100 by memory or by length (elements, or bytes for a string), each
// opening in the key browser's detail.
import { useState } from 'react';
import type { AnalysisResult } from '@/lib/analysis/types';
import { formatBytes, MISSING } from '@/lib/format';
import { KeyLink } from './browser-link';
import { keyLengthText, ttlLeftText } from './model/result-view';
import { DataTable, TD, TD_NAME, TD_NUM, TH, TH_NUM, useFirstRows } from './table';

const VIEWS = { memory: 'By memory', length: 'By length' } as const;
type View = keyof typeof VIEWS;

export function TopKeys({ id, result }: { id: string; result: AnalysisResult }) {
  const [view, setView] = useState<View>('memory');
  const keys = view === 'memory' ? result.topByMemory : result.topByLength;
  const { shown, toggle } = useFirstRows(keys, 'keys');
  return (
    <div className="space-y-3">
      <div role="group" aria-label="Order the top keys" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
        {(Object.keys(VIEWS) as View[]).map((value) => (
          <button
            key={value}
            type="button"
            aria-pressed={view === value}
            onClick={() => setView(value)}
            className="rounded px-3 py-1 text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-red-700 aria-pressed:bg-slate-800 aria-pressed:text-white"
          >
            {VIEWS[value]}
          </button>
        ))}
      </div>
      {keys.length === 0 ? (
        <p className="text-sm text-slate-600">No keys.</p>
      ) : (
        <DataTable
          caption={`Top ${keys.length} keys ${view === 'memory' ? 'by memory' : 'by length'}`}
          data-testid={`analysis-top-${view}`}
          head={
            <>
              <th scope="col" className={TH_NUM}>#</th>
              <th scope="col" className={TH}>Key</th>
              <th scope="col" className={TH}>Type</th>
              <th scope="col" className={TH_NUM}>Memory</th>
              <th scope="col" className={TH_NUM}>Length</th>
              <th scope="col" className={TH}>TTL</th>
              <th scope="col" className={TH}>Encoding</th>
            </>
          }
        >
          {shown.map((key, index) => (
            <tr key={key.keyB64}>
              <td className={`${TD_NUM} text-slate-500`}>{index + 1}</td>
              <td className={TD_NAME}>
                <KeyLink id={id} db={result.db} target={key} />
              </td>
              <td className={TD}>{key.type}</td>
              <td className={TD_NUM}>{formatBytes(key.memoryBytes)}</td>
              <td className={TD_NUM}>{keyLengthText(key)}</td>
              <td className={`${TD} whitespace-nowrap`}>{ttlLeftText(key.ttlMs)}</td>
              <td className={`${TD} font-mono`}>{key.encoding ?? MISSING}</td>
            </tr>
          ))}
        </DataTable>
      )}
      {toggle}
    </div>
  );
}
