'use client';
// The key browser of one instance: filters and the open key live in the URL (a triage link opens
// the same view); the listing grows page by page (each a bounded SCAN) and is deduped, since
// SCAN may return a key twice; the open key's detail sits beside it.
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import type { KeyRow } from '@/lib/keys/types';
import { ApiRequestError, errorCodeOf } from '@/lib/queries/fetch-json';
import type { KeyFilters as Filters } from '@/lib/queries/filters';
import { keyBrowserSearch, parseKeyBrowserParams, useDatabases, useKeys, type KeyBrowserState } from '@/lib/queries/keys-browser';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { Loading, Skeleton } from '@/components/ui/skeleton';
import { KeyDetailPanel } from './key-detail';
import { KeyFilters } from './key-filters';
import { KeyFlatList, KeyTree } from './key-list';
import { KeyRowHeader } from './key-row';
import { ScanProgress } from './scan-progress';

/** "Scan all" pauses after this many more keys, so a 10-million-key db never fills the tab. */
const SCAN_ALL_PAUSE_KEYS = 100_000;

export function KeyBrowser({ id }: { id: string }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const state = parseKeyBrowserParams(searchParams);
  const update = (patch: Partial<KeyBrowserState>) =>
    router.replace(`${pathname}${keyBrowserSearch({ ...state, ...patch })}`, { scroll: false });

  // Without a db in the URL the browser opens the instance's default (the /db of its URL), which
  // comes with the databases reply; if that fails, the server picks it (db left out).
  const databases = useDatabases(id);
  const db = state.db ?? databases.data?.defaultDb ?? null;
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

  const [scanning, setScanning] = useState(false);
  const stop = useRef(false);
  const scanAll = async () => {
    stop.current = false;
    setScanning(true);
    const startCount = rows.length;
    try {
      for (;;) {
        const result = await keys.fetchNextPage();
        const listed = result.data?.pages.reduce((sum, page) => sum + page.keys.length, 0) ?? 0;
        if (stop.current || result.isError || !result.hasNextPage || listed - startCount >= SCAN_ALL_PAUSE_KEYS) break;
      }
    } finally {
      setScanning(false);
    }
  };

  const open = (row: KeyRow) => update({ key: row.keyB64 });

  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/instances/${encodeURIComponent(id)}`} className="text-slate-600 hover:text-slate-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700">
            <span aria-hidden="true">← </span>Instance overview
          </Link>
        </p>
        <h1 className="text-2xl font-bold text-slate-900">Keys <span className="font-normal text-slate-500">· {id}</span></h1>
      </header>
      <KeyFilters id={id} state={state} db={db ?? 0} onChange={update} />
      {keys.isError && keys.error instanceof ApiRequestError && keys.error.code === 'NOT_FOUND' ? (
        <ErrorState title="No such instance" message={keys.error.message} code={keys.error.code} />
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-label="Key list" className="min-w-0 space-y-2">
          {keys.data ? (
            <ScanProgress
              pages={keys.data.pages}
              listed={rows.length}
              hasMore={keys.hasNextPage}
              fetching={keys.isFetchingNextPage}
              scanning={scanning}
              startCursor={cursor}
              onContinue={() => void keys.fetchNextPage()}
              onScanAll={() => void scanAll()}
              onStop={() => {
                stop.current = true;
              }}
              onRestart={() => update({ cursor: '0' })}
            />
          ) : null}
          {keys.isError && keys.error ? (
            <ErrorState
              title="The keys could not be listed"
              message={keys.error.message}
              code={errorCodeOf(keys.error)}
              data-testid="keys-error"
            />
          ) : null}
          {keys.isPending ? (
            <Loading label="Scanning keys…">
              <div className="space-y-2">
                {Array.from({ length: 8 }, (_, i) => <Skeleton key={i} className="h-7 w-full" />)}
              </div>
            </Loading>
          ) : keys.data && rows.length === 0 ? (
            <EmptyState title={keys.hasNextPage ? 'No match in the part scanned so far' : 'No keys match'}>
              {keys.hasNextPage
                ? 'SCAN has not walked the whole keyspace yet: continue to look further.'
                : 'Nothing in this db matches these filters.'}
            </EmptyState>
          ) : keys.data ? (
            <>
              <KeyRowHeader />
              {state.view === 'tree' ? (
                <KeyTree rows={rows} openKey={state.key} onOpen={open} delimiter={state.delimiter} />
              ) : (
                <KeyFlatList rows={rows} openKey={state.key} onOpen={open} />
              )}
            </>
          ) : null}
        </section>
        <section aria-label="Key detail" className="min-w-0">
          {state.key ? (
            <KeyDetailPanel key={`${db}:${state.key}`} id={id} db={db} keyB64={state.key} replica={replica} onClose={() => update({ key: null })} />
          ) : (
            <EmptyState title="No key open">Pick a key in the list (click it, or use the arrow keys and Enter).</EmptyState>
          )}
        </section>
      </div>
    </div>
  );
}
