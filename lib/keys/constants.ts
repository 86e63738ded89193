// Domain constants of the key browser, shared by the API schemas, the server and the UI.
// No server imports.

/** The types Redis reports with TYPE; anything else (a module type) is shown as it comes. */
export const REDIS_TYPES = ['string', 'hash', 'list', 'set', 'zset', 'stream'] as const;
export type RedisType = (typeof REDIS_TYPES)[number];
/**
 * A module type name (ReJSON-RL, MBbloom--, TSDB-TYPE): Redis requires exactly 9 characters
 * from this set (RedisModule_CreateDataType), so nothing else can be a type SCAN TYPE matches.
 */
export const MODULE_TYPE_NAME = /^[A-Za-z0-9_-]{9}$/;

/** PTTL's sentinels: -1 no TTL, -2 no such key. */
export const TTL_NONE = -1;
export const TTL_GONE = -2;

/** SPEC section 5 input bounds. */
export const MAX_COUNT = 1000;
export const MAX_MATCH_BYTES = 256;
/** More stars cost Redis more per name matched (`*a*a*a*a*b`); SPEC section 5 allows 4. */
export const MAX_MATCH_STARS = 4;
export const MAX_KEY_BYTES = 4096;
/** A db index above this is refused before Redis is asked (Redis' own limit is INT_MAX). */
export const MAX_DB_INDEX = 4095;

/** Listing work bounds per request (SPEC section 7): SCAN round trips and wall time. */
export const SCAN_MAX_CALLS = 50;
export const SCAN_MAX_MS = 250;
export const DEFAULT_PAGE_KEYS = 500;

/** Listing requests per instance that SCAN at once; others wait in line (SPEC section 5). */
export const SCAN_SLOTS = 2;
/** How long a listing waits for a slot before a 429 with Retry-After, and how many may wait. */
export const SCAN_QUEUE_WAIT_MS = 1_000;
export const SCAN_QUEUE_MAX = 8;
/**
 * Redis time the key browser may use per instance: at most this share of wall time (all
 * listings together), at most BURST ms back to back, and one SCAN call about TARGET ms at most
 * (COUNT shrinks to fit). Measured: a viewer looping the worst allowed glob on 4 KB names then
 * leaves other clients' PING p50 under 1 ms (test/key-browser.load.test.ts).
 */
export const KEY_BROWSER_REDIS_DUTY_CYCLE = 0.2;
export const KEY_BROWSER_REDIS_BURST_MS = 10;
export const SCAN_TARGET_CALL_MS = 2;
/** MEMORY USAGE samples this many elements of a collection: an estimate, cheap on big keys. */
export const MEMORY_SAMPLES = 5;

/** Each part of a stream id (ms-seq) is an unsigned 64-bit number. */
export const MAX_STREAM_ID_PART = BigInt('18446744073709551615');

/** Value reads: strings in 64 KiB slices; collections in pages; each element cut for display. */
export const STRING_SLICE_BYTES = 64 * 1024;
export const DEFAULT_ELEMENTS = 100;
export const MAX_ELEMENTS = 100;
export const ELEMENT_PREVIEW_BYTES = 1024;
/**
 * Bytes a value page should read from Redis (its count is chosen from MEMORY USAGE / length),
 * and the hard cap: a reply past it is dropped unread, and the page says its elements are too
 * big to show. Strings are read in STRING_SLICE_BYTES slices, so they never reach it.
 */
export const VALUE_PAGE_BYTES = 1024 * 1024;
export const VALUE_REPLY_MAX_BYTES = 4 * 1024 * 1024;

/** The tree view splits names on this unless the user picks another. */
export const DEFAULT_DELIMITER = ':';
