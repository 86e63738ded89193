// The one error type of the API and its JSON form. It lives with the API's shapes, below every
// server layer, so lib/redis and lib/store can throw it without importing the HTTP layer.
import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from './error-codes';

// Next bundles a module into every chunk that uses it, so an ApiError thrown by code from one
// chunk (the registry, first built by the sampler) is not `instanceof` the class another chunk
// (a route) sees. A registered symbol is the same in every chunk.
const API_ERROR = Symbol.for('redlens.ApiError');

export interface ApiErrorOptions {
  /** For 429 and 503: when to try again, sent as the Retry-After header (SPEC section 5). */
  retryAfterSeconds?: number;
}

export class ApiError extends Error {
  readonly [API_ERROR] = true;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The headers the answer carries besides the JSON body. */
  get headers(): Record<string, string> {
    const { retryAfterSeconds } = this.options;
    return retryAfterSeconds === undefined ? {} : { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) };
  }

  /** True for an ApiError from any bundle chunk; use instead of instanceof. */
  static is(value: unknown): value is ApiError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[API_ERROR] === true;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ApiErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

export const badRequest = (message: string) => new ApiError('BAD_REQUEST', message);
export const notFound = (message: string) => new ApiError('NOT_FOUND', message);
