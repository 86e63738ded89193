import type { KeyspaceDb } from '@/lib/api/types';
import { formatMillisAsDuration, formatNumber, formatPercent } from '@/lib/format';
import { Panel } from '@/components/ui/panel';

const TH = 'px-3 py-2 text-xs font-medium text-slate-500';
const TD = 'px-3 py-2 text-right tabular-nums';

export function KeyspacePanel({ keyspace }: { keyspace: KeyspaceDb[] }) {
  return (
    <Panel title="Keyspace">
      <div className="-mx-4 table-scroll">
        <table className="w-full text-sm" data-testid="keyspace-table">
          <caption className="sr-only">Keys per database, with and without a TTL</caption>
          <thead className="border-b border-slate-200">
            <tr>
              <th scope="col" className={`${TH} text-left`}>
                Database
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Keys
              </th>
              <th scope="col" className={`${TH} text-right`}>
                With TTL
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Without TTL
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Avg TTL
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {keyspace.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-3 py-4 text-center text-slate-500">
                  No keys in any database.
                </td>
              </tr>
            ) : (
              keyspace.map((db) => <KeyspaceRow key={db.db} db={db} />)
            )}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

function KeyspaceRow({ db }: { db: KeyspaceDb }) {
  const withoutTtl = Math.max(0, db.keys - db.expires);
  return (
    <tr>
      <th scope="row" className="px-3 py-2 text-left font-mono font-medium text-slate-900">
        db{db.db}
      </th>
      <td className={TD}>{formatNumber(db.keys)}</td>
      <td className={TD}>{formatNumber(db.expires)}</td>
      <td className={TD}>
        {formatNumber(withoutTtl)}{' '}
        <span className="block text-xs text-slate-500 sm:inline">({formatPercent(db.keys > 0 ? withoutTtl / db.keys : null)})</span>
      </td>
      {/* Redis reports avg_ttl 0 when no key has a TTL: that is "none", not "0 ms". */}
      <td className={TD}>{db.expires > 0 ? formatMillisAsDuration(db.avgTtlMs) : '—'}</td>
    </tr>
  );
}
