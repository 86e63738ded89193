'use client';
// One key in depth: type, encoding, live TTL, memory, length, admin actions and edits, and its
// value in pages. A key that vanished says so (and has left the list).
import Link from 'next/link';
import { useState } from 'react';
import type { KeyDetail } from '@/lib/keys/types';
import { formatBytes, formatNumber } from '@/lib/format';
import { errorCodeOf } from '@/lib/queries/fetch-json';
import type { ValueOptions } from '@/lib/queries/filters';
import { useKeyDetail } from '@/lib/queries/keys-browser';
import { canMutate } from '@/lib/api/roles';
import { AdminOnly } from '@/components/auth/admin-only';
import { useMe } from '@/components/auth/me-context';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { Stat, StatList } from '@/components/ui/stat';
import { KeyActions } from './key-actions';
import { KeyEditPanel, useKeyEditor } from './edit-panel';
import { isEditableType } from './edit-run';
import { TtlCountdown } from './ttl-countdown';
import { TypeBadge } from './type-badge';
import { ValueView } from './value-views';

const LENGTH_UNIT: Record<string, [string, string]> = {
  string: ['byte', 'bytes'], hash: ['field', 'fields'], list: ['item', 'items'],
  set: ['member', 'members'], zset: ['member', 'members'], stream: ['entry', 'entries'],
};

function lengthText(detail: KeyDetail): string {
  const unit = LENGTH_UNIT[detail.type];
  if (!unit) return '—';
  return `${formatNumber(detail.length)} ${detail.length === 1 ? unit[0] : unit[1]}`;
}

interface KeyDetailPanelProps {
  id: string;
  /** null: the instance's default db. */
  db: number | null;
  keyB64: string;
  /** A replica refuses writes (READONLY): its actions are replaced by a note. */
  replica: boolean;
  onClose: () => void;
  /** Opens another key in the panel (after a rename); without it the panel closes. */
  onOpenKey?: (keyB64: string) => void;
}

export function KeyDetailPanel({ id, db, keyB64, replica, onClose, onOpenKey }: KeyDetailPanelProps) {
  const [options, setOptions] = useState<ValueOptions>({});
  const detail = useKeyDetail(id, db, keyB64, options);
  const first = detail.data?.pages[0];
  const editor = useKeyEditor();
  const mayChange = canMutate(useMe()) && !replica;
  const openKey = onOpenKey ?? (() => onClose());

  if (detail.isError && !first) {
    const gone = errorCodeOf(detail.error) === 'NOT_FOUND';
    return (
      <div className="space-y-2" data-testid="key-detail">
        {gone ? (
          <EmptyState title="This key no longer exists">
            It expired or was deleted since it was listed; it has been taken off the list.
          </EmptyState>
        ) : (
          <ErrorState
            title="The key could not be read"
            message={detail.error.message}
            code={errorCodeOf(detail.error)}
          />
        )}
        <Button onClick={onClose}>Close</Button>
      </div>
    );
  }
  if (!first) {
    return (
      <Loading label="Reading the key…">
        <Card className="space-y-3">
          <Skeleton className="h-6 w-2/3" />
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-40 w-full" />
        </Card>
      </Loading>
    );
  }

  return (
    <Card className="space-y-4" data-testid="key-detail">
      <div className="flex items-start gap-2">
        <h2 className="min-w-0 flex-1 break-all font-mono text-base font-semibold text-slate-900" data-testid="key-detail-name">
          {first.key === '' ? <span className="italic text-slate-500">(empty name)</span> : first.key}
        </h2>
        <Button onClick={onClose} aria-label="Close key detail">Close</Button>
      </div>
      {first.node ? (
        <p className="-mt-2 text-sm text-slate-600" data-testid="key-detail-node">
          on node{' '}
          <Link
            href={`/instances/${encodeURIComponent(first.node.instanceId)}`}
            className="font-mono text-slate-800 underline hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700"
          >
            {first.node.address}
          </Link>
        </p>
      ) : null}
      <StatList columns={3}>
        <Stat label="Type" value={<TypeBadge type={first.type} />} />
        <Stat label="Encoding" value={first.encoding ?? '—'} />
        <Stat label="TTL" value={<TtlCountdown ttlMs={first.ttlMs} readAt={detail.dataUpdatedAt} />} />
        <Stat label="Memory" value={first.memoryBytes === null ? '—' : formatBytes(first.memoryBytes)} hint="MEMORY USAGE, sampled" />
        <Stat label="Length" value={lengthText(first)} />
        <Stat label="db" value={`db${first.db}`} />
      </StatList>
      {first.notes.map((note) => <p key={note} className="text-xs text-amber-800">{note}</p>)}
      <AdminOnly>
        {replica ? (
          <p className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700" data-testid="key-actions-replica">
            Read-only replica: Delete, Set TTL and edits are not offered here. Change keys on its primary.
          </p>
        ) : (
          <>
            <KeyActions id={id} detail={first} onDeleted={onClose} />
            <KeyEditPanel id={id} detail={first} pages={detail.data?.pages ?? [first]} editor={editor} onRenamed={openKey} />
          </>
        )}
      </AdminOnly>
      <ValueView
        {...(mayChange && isEditableType(first.type) && { onRowAction: editor.onRowAction })}
        pages={detail.data?.pages ?? [first]}
        options={options}
        onOptions={setOptions}
        hasMore={detail.hasNextPage}
        loadingMore={detail.isFetchingNextPage}
        onMore={() => void detail.fetchNextPage()}
        error={detail.isError ? detail.error : null}
      />
    </Card>
  );
}
