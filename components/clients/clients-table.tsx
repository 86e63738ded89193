'use client';
// Every client listed: a filter (text and flag), sort by idle, age or buffers (click again to turn
// the order), flag badges, and Kill for an admin on any row but Redlens's own.
import { useId, useState } from 'react';
import { CLIENT_FLAGS, type ClientFlag, type ClientsResponse, type ClientView } from '@/lib/clients/types';
import { formatBytes, formatDuration, formatNumber, plural } from '@/lib/format';
import { AdminOnly } from '@/components/auth/admin-only';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Field, Select, TextInput } from '@/components/ui/field';
import { Panel } from '@/components/ui/panel';
import { FLAG_VIEW, filterClients, sortClients, type ClientSort } from './model/clients-view-model';
import { KillButton, KillDialog } from './kill-client';
import { SortHeader } from './sort-header';

/** Rows rendered at first; a button renders the rest (up to the 10,000 one read holds). */
const FIRST_ROWS = 200;

const TH = 'px-3 py-2 text-left text-xs font-medium text-slate-500';
const TD = 'px-3 py-1.5 align-top';
const TD_NUM = 'px-3 py-1.5 text-right align-top tabular-nums whitespace-nowrap';

export function ClientsTable({ id, data }: { id: string; data: ClientsResponse }) {
  const uid = useId();
  const [text, setText] = useState('');
  const [flag, setFlag] = useState<ClientFlag | null>(null);
  const [sort, setSort] = useState<{ by: ClientSort; ascending: boolean }>({ by: 'idle', ascending: false });
  const [all, setAll] = useState(false);
  const [killing, setKilling] = useState<ClientView | null>(null);

  const shown = sortClients(filterClients(data.clients, { text, flag }), sort.by, sort.ascending);
  const rows = all ? shown : shown.slice(0, FIRST_ROWS);
  const sortBy = (by: ClientSort) => setSort((current) => ({ by, ascending: current.by === by ? !current.ascending : false }));
  const header = (by: ClientSort, label: string) => (
    <SortHeader label={label} numeric active={sort.by === by} direction={sort.ascending ? 'ascending' : 'descending'} onSort={() => sortBy(by)} />
  );

  return (
    <Panel title="Clients" data-testid="clients-table-panel">
      <AdminOnly>
        <KillDialog id={id} client={killing} onClose={() => setKilling(null)} />
      </AdminOnly>
      <div role="search" aria-label="Filter the clients" className="mb-3 flex flex-wrap items-end gap-3">
        <div className="w-64">
          <Field label="Name, address, command or id" htmlFor={`${uid}-text`}>
            <TextInput id={`${uid}-text`} type="search" value={text} onChange={(event) => setText(event.target.value)} autoComplete="off" spellCheck={false} maxLength={256} />
          </Field>
        </div>
        <div className="w-44">
          <Field label="Flag" htmlFor={`${uid}-flag`}>
            <Select id={`${uid}-flag`} value={flag ?? ''} onChange={(event) => setFlag((event.target.value || null) as ClientFlag | null)}>
              <option value="">any</option>
              {CLIENT_FLAGS.map((value) => <option key={value} value={value}>{FLAG_VIEW[value].label}</option>)}
            </Select>
          </Field>
        </div>
        <p className="text-xs text-slate-500" role="status">
          {plural(shown.length, 'client', 'clients')} shown of {formatNumber(data.clients.length, 0)}
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState title={data.clients.length === 0 ? 'No client is connected' : 'No client matches the filter'} />
      ) : (
        <div className="table-scroll rounded-md border border-slate-200">
          <table className="min-w-full text-sm" data-testid="clients-table">
            <caption className="sr-only">Clients connected to {id}, sorted by {sort.by}</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className={TH}>Id</th>
                <th scope="col" className={TH}>Name</th>
                <th scope="col" className={TH}>Address</th>
                <th scope="col" className={TH}>Library</th>
                {header('age', 'Age')}
                {header('idle', 'Idle')}
                <th scope="col" className={TH}>db</th>
                <th scope="col" className={TH}>Last command</th>
                {header('buffers', 'Buffers (query / output)')}
                <th scope="col" className={TH}>Flags</th>
                <AdminOnly><th scope="col" className={TH}><span className="sr-only">Actions</span></th></AdminOnly>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((client) => (
                <tr key={client.id} data-testid="clients-row" data-client-id={client.id}>
                  <td className={TD_NUM}>{client.id}</td>
                  <td className={`${TD} font-mono break-all`}>{client.name || <span className="font-sans italic text-slate-500">(none)</span>}</td>
                  <td className={`${TD} font-mono whitespace-nowrap`}>{client.addr}</td>
                  <td className={TD}>{client.libName ? [client.libName, client.libVer].filter(Boolean).join(' ') : '—'}</td>
                  <td className={TD_NUM}>{formatDuration(client.ageSeconds)}</td>
                  <td className={TD_NUM}>{formatDuration(client.idleSeconds)}</td>
                  <td className={TD_NUM}>{client.db}</td>
                  <td className={`${TD} font-mono`}>{client.cmd}</td>
                  <td className={TD_NUM} title={`total memory of this client: ${formatBytes(client.totalMemoryBytes)}`}>
                    {formatBytes(client.queryBufferAllocatedBytes)} / {formatBytes(client.outputBufferBytes)}
                  </td>
                  <td className={TD}>
                    <span className="flex flex-wrap gap-1">
                      {client.flagged.map((value) => (
                        <span key={value} title={FLAG_VIEW[value].why}>
                          <Badge tone={FLAG_VIEW[value].tone} data-testid={`clients-flag-${value}`}>{FLAG_VIEW[value].label}</Badge>
                        </span>
                      ))}
                    </span>
                  </td>
                  <AdminOnly>
                    <td className={TD}>{client.own ? null : <KillButton client={client} onKill={setKilling} />}</td>
                  </AdminOnly>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {shown.length > FIRST_ROWS ? (
        <button
          type="button"
          aria-expanded={all}
          onClick={() => setAll(!all)}
          className="mt-2 text-sm font-medium text-red-800 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
        >
          {all ? `Show the first ${FIRST_ROWS} clients only` : `Show all ${formatNumber(shown.length, 0)} clients`}
        </button>
      ) : null}
    </Panel>
  );
}
