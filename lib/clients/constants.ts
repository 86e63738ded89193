// The clients page's bounds and the tuning guide's advice (SPEC section 11). No imports: the
// server and the page read the same numbers.

/** CLIENT LIST has no limit argument: Redlens reads the whole reply and parses at most this many clients. */
export const CLIENT_LIST_MAX_ROWS = 10_000;

/** The guide's connection pool size per application instance. */
export const POOL_ADVICE = { min: 2, max: 20 } as const;

/** A client idle longer than this is flagged (a leaked connection, or a pool far too big). */
export const IDLE_LONG_SECONDS = 3_600;

/** A query or output buffer above this is flagged (Redis keeps it in memory for that client). */
export const BIG_BUFFER_BYTES = 1024 * 1024;

