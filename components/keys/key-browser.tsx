'use client';
// The key browser of one instance: filters and the open key live in the URL (a triage link opens
// the same view); the listing grows page by page (each a bounded SCAN) and is deduped, since
// SCAN may return a key twice; "Scan all" streams every name from one request instead and reads
// type, TTL and memory for the rows on screen only. The open key's detail sits beside the list
// (first, full width, on a narrow screen); Escape closes it and gives the list the focus back.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import type { KeyRow } from '@/lib/keys/types';
import { ApiRequestError, errorCodeOf } from '@/lib/queries/fetch-json';
import type { KeyFilters as Filters } from '@/lib/queries/filters';
import type { ExportRequest } from '@/lib/queries/key-export';
import { keyBrowserSearch, matchFor, parseKeyBrowserParams, useDatabases, useKeys, type KeyBrowserState } from '@/lib/queries/keys-browser';
import { InstanceCrumbs } from '@/components/instance/instance-crumbs';
import { useInstanceName } from '@/components/instance/use-instance-name';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { BulkDelete } from './bulk-delete';
import { NewKeyButton } from './edit-new-key';
import { KeyDetailPanel } from './key-detail';
import { KeyFilters } from './key-filters';
import { KeyFlatList, KeyTree, type ListedRows } from './key-list';
import { KeyRowHeader } from './key-row';
import type { ListedKey } from './model/scan-all';
import { ScanAllControls } from './scan-all-controls';
import { ExportProgress, ScanProgress } from './scan-progress';
import { useScanAll } from './use-scan-all';

/** An editable field keeps its Escape (a value editor may cancel with it). */
function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function KeyBrowser({ id }: { id: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = parseKeyBrowserParams(searchParams);
  const name = useInstanceName(id);
  const update = (patch: Partial<KeyBrowserState>) =>
    router.replace(`${pathname}${keyBrowserSearch({ ...state, ...patch })}`, { scroll: false });

  // Without a db in the URL the browser opens the instance's default (the /db of its URL), which
  // comes with the databases reply; if that fails, the server picks it (db left out).
  const databases = useDatabases(id);
  // A Redis Cluster has db 0 only, whatever the URL says.
  const cluster = databases.data?.cluster !== undefined;
  const db = cluster ? 0 : state.db ?? databases.data?.defaultDb ?? null;
  const dbKnown = state.db !== null || databases.data !== undefined || databases.isError;
  const { q, mode, type, cursor } = state;
  const filters = useMemo<Filters>(() => ({ db, q, mode, type, cursor }), [db, q, mode, type, cursor]);
  const keys = useKeys(id, filters, dbKnown);
  const replica = databases.data?.role === 'replica';
  const rows = useMemo(() => {
    const seen = new Map<string, KeyRow>();
    for (const page of keys.data?.pages ?? []) for (const row of page.keys) if (!seen.has(row.keyB64)) seen.set(row.keyB64, row);
    return [...seen.values()];
  }, [keys.data]);

  const match = matchFor({ q, mode });
  const exportRequest = useMemo<ExportRequest>(
    () => ({ db, ...(match !== undefined && { match }), ...(type && { type }) }),
    [db, match, type],
  );
  const scanAll = useScanAll(id, exportRequest, `${db}|${match}|${type}`);
  const streamed = scanAll.view;
  const listed = useMemo<ListedRows>(
    () => streamed ?? { count: rows.length, at: (index) => rows[index]! },
    [streamed, rows],
  );
  // The tree groups every listed name; a million streamed names are grouped as they are.
  const treeRows = useMemo<readonly ListedKey[]>(
    () => (streamed ? Array.from({ length: streamed.count }, (_, index) => streamed.at(index)) : rows),
    [streamed, rows],
  );

  const listSection = useRef<HTMLElement>(null);
  const detailSection = useRef<HTMLElement>(null);
  const openKey = state.key;
  const close = () => update({ key: null });
  const closeByEscape = useEffectEvent(() => {
    close();
    listSection.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus();
  });
  useEffect(() => {
    if (!openKey) return;
    // On a narrow screen the detail is above the list: bring it into view when a key opens.
    if (window.matchMedia('(max-width: 1023px)').matches) detailSection.current?.scrollIntoView({ block: 'start' });
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || isEditable(event.target)) return;
      // An open dialog owns Escape (it closes itself first).
      if (document.querySelector('dialog[open], [role="dialog"], [role="alertdialog"]')) return;
      event.preventDefault();
      closeByEscape();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [openKey]);

  const open = (row: ListedKey) => update({ key: row.keyB64 });

  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <InstanceCrumbs id={id} page="Keys" />
        <h1 className="text-2xl font-bold text-slate-900">
          Keys <span className="font-normal break-all text-slate-500">· {name}</span>
        </h1>
      </header>
      <KeyFilters id={id} state={state} db={db ?? 0} onChange={update} />
      <div className="flex flex-wrap items-center gap-2" data-testid="key-browser-actions">
        <BulkDelete id={id} db={db ?? 0} match={match} type={state.type || undefined} />
        {replica ? null : <NewKeyButton id={id} db={db ?? 0} onCreated={(keyB64) => update({ key: keyB64 })} />}
      </div>
      {keys.isError && keys.error instanceof ApiRequestError && keys.error.code === 'NOT_FOUND' ? (
        <ErrorState title="No such instance" message={keys.error.message} code={keys.error.code} />
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section ref={listSection} aria-label="Key list" className="min-w-0 space-y-2">
          {scanAll.run ? (
            <ExportProgress
              run={scanAll.run}
              onStop={scanAll.stop}
              onAgain={scanAll.start}
              onBackToPages={scanAll.close}
            />
          ) : keys.data ? (
            <ScanProgress
              pages={keys.data.pages}
              listed={rows.length}
              hasMore={keys.hasNextPage}
              fetching={keys.isFetchingNextPage}
              scanning={false}
              startCursor={cursor}
              onContinue={() => void keys.fetchNextPage()}
              onScanAll={scanAll.start}
              onStop={scanAll.stop}
              onRestart={() => update({ cursor: '0' })}
            />
          ) : null}
          {streamed ? (
            <ScanAllControls
              id={id}
              sort={scanAll.sort}
              noTtlOnly={scanAll.noTtlOnly}
              measured={streamed.measured}
              onSort={scanAll.setSort}
              onNoTtlOnly={scanAll.setNoTtlOnly}
            />
          ) : null}
          {scanAll.metaError ? (
            <p className="text-xs text-amber-800" data-testid="meta-error">Type, TTL and memory of these rows could not be read: {scanAll.metaError.message}</p>
          ) : null}
          {keys.isError && keys.error && !streamed ? (
            <ErrorState
              title="The keys could not be listed"
              message={keys.error.message}
              code={errorCodeOf(keys.error)}
              data-testid="keys-error"
            />
          ) : null}
          {keys.isPending && !streamed ? (
            <Loading label="Scanning keys…">
              <div className="space-y-2">
                {Array.from({ length: 8 }, (_, i) => <Skeleton key={i} className="h-7 w-full" />)}
              </div>
            </Loading>
          ) : streamed && listed.count === 0 ? (
            <EmptyState title={scanAll.noTtlOnly ? 'No measured key is without a TTL' : scanAll.run?.status === 'streaming' ? 'No names yet' : 'No keys match'}>
              {scanAll.noTtlOnly
                ? 'Only rows that have been on screen are measured: turn the filter off and scroll, or ask the keyspace analysis.'
                : 'Nothing in this db matches these filters.'}
            </EmptyState>
          ) : !streamed && keys.data && rows.length === 0 ? (
            <EmptyState title={keys.hasNextPage ? 'No match in the part scanned so far' : 'No keys match'}>
              {keys.hasNextPage
                ? 'SCAN has not walked the whole keyspace yet: continue to look further.'
                : 'Nothing in this db matches these filters.'}
            </EmptyState>
          ) : streamed || keys.data ? (
            <>
              <KeyRowHeader cluster={cluster} />
              {state.view === 'tree' ? (
                <KeyTree rows={treeRows} openKey={state.key} onOpen={open} delimiter={state.delimiter} />
              ) : (
                <KeyFlatList
                  // A new order or filter starts at its top.
                  key={streamed ? `${scanAll.sort}|${scanAll.noTtlOnly}` : 'pages'}
                  rows={listed}
                  openKey={state.key}
                  onOpen={open}
                  {...(streamed && { onRangeChange: scanAll.onRangeChange })}
                />
              )}
            </>
          ) : null}
        </section>
        <section ref={detailSection} aria-label="Key detail" className={`min-w-0 scroll-mt-4 ${state.key ? 'order-first lg:order-none' : ''}`}>
          {state.key ? (
            <KeyDetailPanel key={`${db}:${state.key}`} id={id} db={db} keyB64={state.key} replica={replica} onClose={close} onOpenKey={(keyB64) => update({ key: keyB64 })} />
          ) : (
            <EmptyState title="No key open">Pick a key in the list (click it, or use the arrow keys and Enter).</EmptyState>
          )}
        </section>
      </div>
    </div>
  );
}
