'use client';
// The clients grouped by name, by host and by library, each sortable, with the guide's pool advice
// beside a group that holds more connections than one pool should.
import { useState, type ReactNode } from 'react';
import type { ClientGroup, ClientsResponse } from '@/lib/clients/types';
import { formatBytes, formatDuration, formatNumber } from '@/lib/format';
import { Panel } from '@/components/ui/panel';
import { GROUP_SORTS, poolNote, sortGroups, type GroupSort } from './model/clients-view-model';
import { SortHeader } from './sort-header';

const SORT_LABEL: Record<GroupSort, string> = { count: 'Clients', key: 'Group', idle: 'Longest idle', buffers: 'Buffers' };

interface GroupTableProps {
  title: string;
  groups: ClientGroup[];
  /** What an empty key means here: "(no name)", "(not reported)". */
  emptyKey: string;
  pool: ClientsResponse['target']['pool'] | null;
  perInstance: boolean;
  testId: string;
  children?: ReactNode;
}

function GroupTable({ title, groups, emptyKey, pool, perInstance, testId, children }: GroupTableProps) {
  const [sort, setSort] = useState<GroupSort>('count');
  const sorted = sortGroups(groups, sort);
  return (
    <Panel title={title} data-testid={testId}>
      {children}
      <div className="table-scroll">
        <table className="min-w-full text-sm">
          <caption className="sr-only">{`${title}, sorted by ${SORT_LABEL[sort].toLowerCase()}`}</caption>
          <thead className="bg-slate-50">
            <tr>
              {GROUP_SORTS.map((key) => (
                <SortHeader key={key} label={SORT_LABEL[key]} active={sort === key} numeric={key !== 'key'} onSort={() => setSort(key)} direction={key === 'key' ? 'ascending' : 'descending'} />
              ))}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {sorted.map((group) => {
              const note = pool ? poolNote(group, pool, perInstance) : null;
              return (
                <tr key={group.key} data-testid="clients-group-row">
                  <td className="px-3 py-1.5 tabular-nums text-right">{formatNumber(group.count, 0)}</td>
                  <td className="px-3 py-1.5 font-mono break-all">
                    {group.key === '' ? <span className="font-sans italic text-slate-500">{emptyKey}</span> : group.key}
                    {group.own > 0 ? <span className="ml-2 font-sans text-xs text-slate-500">({group.own} Redlens)</span> : null}
                    {note ? <p className="font-sans text-xs text-amber-900">{note}</p> : null}
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums whitespace-nowrap">{formatDuration(group.maxIdleSeconds)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums whitespace-nowrap">{formatBytes(group.bufferBytes)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}

export function ClientGroups({ data }: { data: ClientsResponse }) {
  const { pool } = data.target;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
      <GroupTable title="By name" groups={data.groups.byName} emptyKey="(no name)" pool={pool} perInstance={false} testId="clients-by-name" />
      <GroupTable title="By host" groups={data.groups.byHost} emptyKey="(no address)" pool={pool} perInstance testId="clients-by-host" />
      <GroupTable title="By library" groups={data.groups.byLibrary} emptyKey="(not reported)" pool={null} perInstance={false} testId="clients-by-library">
        {data.librariesReported ? null : (
          <p className="mb-2 text-xs text-slate-500">
            No client reports its library: Redis 7.2 and later list it when the client sends CLIENT SETINFO.
          </p>
        )}
      </GroupTable>
    </div>
  );
}
