'use client';
// "Scan all" in the browser: the key export read as a stream (GET .../keys/export, NDJSON parsed
// as chunks arrive, stopped by aborting the fetch, which stops Redis's SCAN work on the server),
// and the metadata of the rows on screen, one POST .../keys/meta per visible window.
import { useQuery } from '@tanstack/react-query';
import type { ExportDoneLine, KeysMetaReply } from '@/lib/keys/export';
import { exportLine, NdjsonLines, parseLines } from '@/lib/keys/ndjson';
import { ApiRequestError, fetchJson } from './fetch-json';
import { queryKeys } from './keys';

const base = (id: string) => `/api/instances/${encodeURIComponent(id)}`;

/**
 * The request body the meta route accepts is at most 64 KiB: the base64 names of one request
 * are kept under this, so a window of long names is asked in fewer keys rather than refused.
 */
export const META_BODY_NAME_BYTES = 56 * 1024;

/** Reading a stream of a million names gives the page back at least this often, ms. */
const YIELD_EVERY_MS = 8;

/**
 * Resolves in a task of its own: a posted message, because a browser clamps a setTimeout(0)
 * scheduled from a timer's continuation to 4 ms (a third of the stream's time at one per 8 ms).
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export interface ExportRequest {
  db: number | null;
  match?: string;
  type?: string;
}

export interface ExportStarted {
  /** The db listed (x-redlens-db: the instance's default when the request named none). */
  db: number | null;
  /** DBSIZE when the export started (x-redlens-db-size). */
  dbSize: number | null;
}

/**
 * Streams an export: `onStart` once the answer starts, `onLines` with each chunk's name lines as
 * NDJSON text (kept as text: model/scan-all.ts parses a line when its row is shown), and
 * resolves with the last line. An error line or a failed answer rejects with ApiRequestError;
 * aborting `signal` rejects with an AbortError (and the server stops).
 */
export async function streamKeyExport(
  id: string,
  request: ExportRequest,
  signal: AbortSignal,
  handlers: { onStart: (started: ExportStarted) => void; onLines: (text: string) => void },
): Promise<ExportDoneLine> {
  const params = new URLSearchParams();
  if (request.db !== null) params.set('db', String(request.db));
  if (request.match !== undefined) params.set('match', request.match);
  if (request.type) params.set('type', request.type);
  let response: Response;
  try {
    response = await fetch(`${base(id)}/keys/export?${params}`, { signal, headers: { accept: 'application/x-ndjson' } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'NETWORK', 'The Redlens server cannot be reached.');
  }
  if (!response.ok || !response.body) {
    // The failure before the stream started is an ordinary JSON error answer.
    await fetchJsonError(response);
  }
  const header = (name: string) => {
    const value = response.headers.get(name);
    return value === null || !/^\d+$/.test(value) ? null : Number(value);
  };
  handlers.onStart({ db: header('x-redlens-db'), dbSize: header('x-redlens-db-size') });
  const reader = response.body!.getReader();
  const lines = new NdjsonLines();
  let last: ExportDoneLine | null = null;
  const take = (text: string) => {
    if (text === '') return;
    // Only the stream's last line is not a name: done, or an error.
    const lastStart = text.lastIndexOf('\n', text.length - 2) + 1;
    if (text.startsWith('{"key":', lastStart)) {
      handlers.onLines(text);
      return;
    }
    if (lastStart > 0) handlers.onLines(text.slice(0, lastStart));
    const line = exportLine(parseLines(text.slice(lastStart))[0]);
    if ('error' in line) throw new ApiRequestError(200, line.error.code as ApiRequestError['code'], line.error.message);
    if ('done' in line) last = line;
  };
  try {
    let yielded = performance.now();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      take(lines.push(value));
      // Chunks already buffered are read without leaving the task: let the page render and
      // other answers (the visible window's metadata) in now and then.
      if (performance.now() - yielded > YIELD_EVERY_MS) {
        await nextTask();
        yielded = performance.now();
      }
    }
    take(lines.end());
  } finally {
    reader.releaseLock();
  }
  if (!last) throw new ApiRequestError(0, 'NETWORK', 'The export ended before its last line: the connection was cut.');
  return last;
}

async function fetchJsonError(response: Response): Promise<never> {
  const body: unknown = await response.json().catch(() => null);
  const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
  if (error?.code && error.message) throw new ApiRequestError(response.status, error.code as ApiRequestError['code'], error.message);
  throw new ApiRequestError(response.status, 'INTERNAL', `Unexpected answer ${response.status} from the server.`);
}

export function fetchKeysMeta(id: string, db: number, keysB64: readonly string[], signal?: AbortSignal): Promise<KeysMetaReply> {
  return fetchJson<KeysMetaReply>(`${base(id)}/keys/meta`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ db, keysB64 }),
    ...(signal && { signal }),
  });
}

/**
 * One visible window's metadata, handed to `onReply` as it arrives (the list keeps it per key);
 * idle while `keysB64` is empty (everything on screen is known).
 */
export function useKeysMeta(id: string, db: number, keysB64: readonly string[], onReply: (reply: KeysMetaReply) => void) {
  return useQuery({
    queryKey: queryKeys.keysMeta(id, db, keysB64),
    queryFn: async ({ signal }) => {
      const reply = await fetchKeysMeta(id, db, keysB64, signal);
      onReply(reply);
      return reply;
    },
    enabled: keysB64.length > 0,
    // Kept by the list, not here: a new run asking the same window must ask the server again.
    gcTime: 0,
    refetchOnWindowFocus: false,
    retry: false,
  });
}
