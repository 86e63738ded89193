// The error codes of the HTTP API (SPEC section 5) and the status each one answers with.
// No server imports: the browser shares this table to tell errors apart.

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** A write sent to a replica. */
  REDIS_READONLY: 409,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  REDIS_COMMAND_DENIED: 502,
  REDIS_UNAVAILABLE: 503,
  /** Redlens's own data directory cannot be written: nothing was done. */
  STORE_UNAVAILABLE: 503,
  REDIS_TIMEOUT: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string };
}

/** Codes that mean "Redis itself is the problem", shown as the instance-down banner. */
export const REDIS_ERROR_CODES: readonly ErrorCode[] = [
  'REDIS_UNAVAILABLE',
  'REDIS_TIMEOUT',
  'REDIS_COMMAND_DENIED',
];
