// "Scan all" (SPEC section 12): GET /api/instances/{id}/keys/export streams every matching key
// name as NDJSON, and POST /api/instances/{id}/keys/meta reads type, TTL and memory of the rows on
// screen only. Shapes and input, shared by the routes and the key browser. No server imports.
import { z } from 'zod';
import { MAX_DB_INDEX } from './constants';
import { dbParam, keyB64Param, matchParam, typeParam } from './schemas';
import type { KeyName, KeyRow } from './types';

export const KeysExportQuery = z.strictObject({
  /** Absent: the instance's default db (the /db of its URL). */
  db: dbParam.optional(),
  match: matchParam.optional(),
  type: typeParam.optional(),
});
export type KeysExportInput = z.infer<typeof KeysExportQuery>;

/** NDJSON lines: one per key, then exactly one of `done` or `error` as the last line. */
export type ExportNameLine = KeyName;
export interface ExportDoneLine {
  done: true;
  /** Keys SCAN walked (with a filter: what Redis walked, from COUNT; else the names sent). */
  scanned: number;
  /** Names sent. */
  keys: number;
}
export interface ExportErrorLine {
  error: { code: string; message: string };
}
export type ExportLine = ExportNameLine | ExportDoneLine | ExportErrorLine;

/** The rows a visible window may ask metadata for at once (SPEC section 12). */
export const MAX_META_KEYS = 200;

export const KeysMetaBody = z.strictObject({
  db: z.number().int().min(0).max(MAX_DB_INDEX),
  keysB64: z.array(keyB64Param).min(1).max(MAX_META_KEYS, `at most ${MAX_META_KEYS} keys a request`),
  /** MEMORY USAGE too (default). */
  memory: z.boolean().default(true),
});
export type KeysMetaInput = z.infer<typeof KeysMetaBody>;

export interface KeysMetaReply {
  db: number;
  /** The keys that exist, in the order asked. */
  keys: KeyRow[];
  /** keyB64 of the keys gone since they were listed. */
  missing: string[];
  memoryError?: string;
}
