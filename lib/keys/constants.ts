// Domain constants of the key browser, shared by the API schemas, the server and the UI.
// No server imports.

/** The types Redis reports with TYPE; anything else (a module type) is shown as it comes. */
export const REDIS_TYPES = ['string', 'hash', 'list', 'set', 'zset', 'stream'] as const;
export type RedisType = (typeof REDIS_TYPES)[number];

/** PTTL's sentinels: -1 no TTL, -2 no such key. */
export const TTL_NONE = -1;
export const TTL_GONE = -2;

/** SPEC section 5 input bounds. */
export const MAX_COUNT = 1000;
export const MAX_MATCH_BYTES = 256;
export const MAX_MATCH_STARS = 8;
export const MAX_KEY_BYTES = 4096;
/** A db index above this is refused before Redis is asked (Redis' own limit is INT_MAX). */
export const MAX_DB_INDEX = 4095;

/** Listing work bounds per request (SPEC section 7): SCAN round trips and wall time. */
export const SCAN_MAX_CALLS = 50;
export const SCAN_MAX_MS = 250;
export const DEFAULT_PAGE_KEYS = 500;
/** MEMORY USAGE samples this many elements of a collection: an estimate, cheap on big keys. */
export const MEMORY_SAMPLES = 5;

/** Value reads: strings in 64 KiB slices; collections in pages; each element cut for display. */
export const STRING_SLICE_BYTES = 64 * 1024;
export const DEFAULT_ELEMENTS = 100;
export const MAX_ELEMENTS = 100;
export const ELEMENT_PREVIEW_BYTES = 1024;

/** The tree view splits names on this unless the user picks another. */
export const DEFAULT_DELIMITER = ':';
