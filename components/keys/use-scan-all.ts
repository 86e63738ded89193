'use client';
// "Scan all" in the key browser: one streamed export of the current filters, its names held once
// each (model/scan-all.ts), progress flushed to React a few times a second rather than per
// chunk, Stop as an abort of the fetch (the server stops SCANning), and the metadata of the rows
// on screen measured one debounced visible window at a time and kept per key.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiRequestError } from '@/lib/queries/fetch-json';
import { META_BODY_NAME_BYTES, streamKeyExport, useKeysMeta, type ExportRequest } from '@/lib/queries/key-export';
import { keysToMeasure, MeasuredKeys, scanAllView, StreamedNames, type ScanAllSort, type ScanAllView } from './model/scan-all';

/** How often the list and the count follow the stream while it runs. */
const FLUSH_MS = 150;
/** A visible window is measured once scrolling has rested this long. */
const MEASURE_DEBOUNCE_MS = 150;

export type ScanAllStatus = 'streaming' | 'done' | 'stopped' | 'failed';

export interface ScanAllRun {
  status: ScanAllStatus;
  /** The db the export read (the server says which when the request named none). */
  db: number | null;
  dbSize: number | null;
  received: number;
  error?: ApiRequestError | Error;
}

export interface ScanAll {
  run: ScanAllRun | null;
  view: ScanAllView | null;
  sort: ScanAllSort;
  noTtlOnly: boolean;
  setSort: (sort: ScanAllSort) => void;
  setNoTtlOnly: (on: boolean) => void;
  /** Starts (again). */
  start: () => void;
  stop: () => void;
  /** Back to the paged listing. */
  close: () => void;
  /** The list's rows in view changed. */
  onRangeChange: (first: number, last: number) => void;
  /** Why the last visible window's metadata could not be read, if it could not. */
  metaError: Error | null;
}

/** What one run collects, mutated in place as lines and measurements arrive (`version` tells). */
interface Collected {
  names: StreamedNames;
  measured: MeasuredKeys;
}

/** `filtersKey` names the filters: when it changes, a running export is stopped and dropped. */
export function useScanAll(id: string, request: ExportRequest, filtersKey: string): ScanAll {
  const [run, setRun] = useState<ScanAllRun | null>(null);
  const [collected, setCollected] = useState<Collected | null>(null);
  const [version, setVersion] = useState(0);
  const [sort, setSort] = useState<ScanAllSort>('scan');
  const [noTtlOnly, setNoTtlOnly] = useState(false);
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const [restingRange, setRestingRange] = useState<[number, number]>([0, 0]);
  const abort = useRef<AbortController | null>(null);
  const flushTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = useCallback(() => abort.current?.abort(), []);

  const close = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    setRun(null);
    setCollected(null);
  }, []);

  // New filters: the export answered other ones.
  useEffect(() => close, [filtersKey, close]);

  const start = useCallback(() => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    const names = new StreamedNames();
    const measured = new MeasuredKeys();
    setCollected({ names, measured });
    setRestingRange([0, 0]);
    setRun({ status: 'streaming', db: request.db, dbSize: null, received: 0 });
    const flush = () => {
      flushTimer.current = null;
      setRun((current) => (current ? { ...current, received: names.size } : current));
      setVersion((n) => n + 1);
    };
    const settle = (patch: Partial<ScanAllRun>) => {
      if (flushTimer.current) clearTimeout(flushTimer.current);
      flushTimer.current = null;
      if (abort.current !== controller) return; // a newer run, or the list went back to pages
      setRun((current) => (current ? { ...current, ...patch, received: names.size } : current));
      setVersion((n) => n + 1);
    };
    streamKeyExport(id, request, controller.signal, {
      onStart: ({ db, dbSize }) => setRun((current) => (current ? { ...current, db: db ?? current.db, dbSize } : current)),
      onLines: (text) => {
        names.addText(text);
        flushTimer.current ??= setTimeout(flush, FLUSH_MS);
      },
    }).then(
      () => settle({ status: 'done' }),
      (error: unknown) => {
        if (controller.signal.aborted) settle({ status: 'stopped' });
        else settle({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
  }, [id, request]);

  useEffect(() => () => {
    abort.current?.abort();
    if (flushTimer.current) clearTimeout(flushTimer.current);
  }, []);

  // Measure a window once scrolling rests on it; the first rows at once.
  const firstWindow = restingRange[1] === 0;
  useEffect(() => {
    const timer = setTimeout(() => setRestingRange(range), firstWindow ? 0 : MEASURE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [range, firstWindow]);

  // `version` is in the key: the names and measurements grow in place.
  const view = useMemo(
    () => (collected ? { ...scanAllView(collected.names, collected.measured, sort, noTtlOnly), version } : null),
    [collected, version, sort, noTtlOnly],
  );
  const metaDb = run?.db ?? null;
  const wanted = useMemo(
    () => (view && collected && metaDb !== null ? keysToMeasure(view, restingRange[0], restingRange[1], collected.measured, META_BODY_NAME_BYTES) : new Map<string, number>()),
    [view, collected, metaDb, restingRange],
  );
  const wantedIds = useMemo(() => [...wanted.keys()], [wanted]);
  const meta = useKeysMeta(id, metaDb ?? 0, wantedIds, (reply) => {
    collected?.measured.merge(reply, wanted);
    setVersion((n) => n + 1);
  });

  const onRangeChange = useCallback((first: number, last: number) => {
    setRange((current) => (current[0] === first && current[1] === last ? current : [first, last]));
  }, []);

  return { run, view, sort, noTtlOnly, setSort, setNoTtlOnly, start, stop, close, onRangeChange, metaError: meta.error };
}
