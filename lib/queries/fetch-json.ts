// The browser's one way to call the API: JSON in, typed JSON out, API errors as ApiRequestError.
import type { ApiErrorBody, ErrorCode } from '@/lib/api/error-codes';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    /** The error object's other fields, typed by the route that sends them (a reset's `redisReset`). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The API's error code of a failed request ("NETWORK" when the server was not reached); undefined for any other error. */
export function errorCodeOf(error: unknown): ApiRequestError['code'] | undefined {
  return error instanceof ApiRequestError ? error.code : undefined;
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init.headers } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError(0, 'NETWORK', 'The Redlens server cannot be reached.');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    if (isApiErrorBody(body)) {
      const { code, message, ...details } = body.error as ApiErrorBody['error'] & Record<string, unknown>;
      throw new ApiRequestError(response.status, code, message, details);
    }
    throw new ApiRequestError(response.status, 'INTERNAL', `Unexpected answer ${response.status} from the server.`);
  }
  return body as T;
}
