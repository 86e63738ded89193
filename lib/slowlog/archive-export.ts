// The archive as a file (CSV or JSON), streamed: each pull reads one bounded page (or one
// bounded search step), so an export of thousands of entries never holds the event loop long
// and never sits whole in memory.
import 'server-only';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { ArchiveReader, ArchiveFilter } from './archive-query';
import { CSV_HEADER, csvCell, csvLine } from './csv';
import type { ArchiveSearchProgress, ArchivedEntry, SlowlogNodeRef } from './types';

/** Entries one pull reads at most. */
const EXPORT_PAGE = 250;

export type ExportFormat = 'csv' | 'json';

/**
 * Up to `filter.limit` entries of the range, newest first, from `filter.before` on. JSON is
 * `{"entries":[...],"truncated":bool,"nextCursor":string|null,"search":{...}|null}`.
 */
export function exportArchive(
  reader: ArchiveReader,
  /** One instance, or the nodes of a Redis Cluster instance (their archives together, each entry with its node). */
  instance: string | readonly SlowlogNodeRef[],
  filter: ArchiveFilter,
  format: ExportFormat,
  now = Date.now(),
): ReadableStream<Uint8Array> {
  const window = { from: filter.from ?? 0, to: filter.to ?? now };
  const encoder = new TextEncoder();
  let cursor = filter.before;
  let left = filter.limit;
  let first = true;
  let search: ArchiveSearchProgress | null = null;
  // A cluster's CSV starts each line with the node that logged the entry.
  const nodes = typeof instance !== 'string';
  const line = (entry: ArchivedEntry) => {
    if (format === 'csv') return nodes ? `${csvCell(entry.node?.address ?? '')},${csvLine(entry)}` : csvLine(entry);
    const text = `${first ? '' : ','}${JSON.stringify(entry)}`;
    first = false;
    return text;
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(format === 'csv' ? `${nodes ? 'node,' : ''}${CSV_HEADER}` : '{"entries":['));
    },
    async pull(controller) {
      // A search step may find nothing and still have older entries to scan: a pull that
      // enqueued nothing would not be called again, so step until something is sent.
      for (;;) {
        // A reader that keeps reading calls pull again from a microtask: without a macrotask
        // between pages, a whole export would run as one block of the event loop.
        await yieldToEventLoop();
        const page = { limit: Math.min(EXPORT_PAGE, left), before: cursor, own: filter.own };
        const found = typeof instance !== 'string'
          ? await reader.readNodes(instance, { ...filter, ...page }, window)
          : filter.q ? await reader.search(instance, { ...filter, ...page }, window) : await reader.read(instance, page, window);
        if (found.search) {
          search = {
            scannedRows: (search?.scannedRows ?? 0) + found.search.scannedRows,
            complete: found.search.complete,
            scannedBackTo: found.search.scannedBackTo,
          };
        }
        left -= found.entries.length;
        cursor = found.nextCursor ?? undefined;
        const text = found.entries.map(line).join('');
        if (text) controller.enqueue(encoder.encode(text));
        if (found.nextCursor === null || left <= 0) {
          if (format === 'json') {
            const tail = { truncated: found.nextCursor !== null, nextCursor: found.nextCursor, search };
            controller.enqueue(encoder.encode(`],${JSON.stringify(tail).slice(1)}`));
          }
          controller.close();
          return;
        }
        if (text) return;
      }
    },
  });
}
