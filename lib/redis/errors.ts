// Maps what ioredis and Redis throw to the API's error codes, in words an operator can act on.
import { ApiError } from '@/lib/api/errors';
import type { InfoSection } from '@/lib/api/types';
import { parseInfo } from './parse/parse-info';

/** Raised by the registry when a client is not ready within the time we allow. */
export class RedisNotReadyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisNotReadyError';
  }
}

const UNAVAILABLE_NETWORK = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|EPIPE|Connection is closed|Stream isn't writeable|connect ETIMEDOUT|Reached the max retries|MaxRetriesPerRequest/i;

// Redis answers a renamed or disabled command (rename-command X "") as if it did not exist.
// Redis 7 quotes the name 'INFO', Redis 6 `INFO`.
const UNKNOWN_COMMAND = /^ERR unknown command [`']([^`']*)[`']/i;

function firstWord(message: string): string {
  return message.split(/\s/, 1)[0] ?? '';
}

/** True for Redis's "-LOADING" reply: the caller may ask INFO persistence how far it got. */
export function isLoadingError(error: unknown): boolean {
  return error instanceof Error && firstWord(error.message) === 'LOADING';
}

/**
 * The answer while Redis loads its dataset, with how far it got when INFO persistence could be
 * read (INFO is one of the few commands Redis serves while loading).
 */
export function loadingError(progress?: { percent: number; etaSeconds?: number }): ApiError {
  if (!progress) {
    return new ApiError('REDIS_UNAVAILABLE', 'Redis is loading its dataset into memory; it answers again when loading ends.');
  }
  const percent = `${Math.floor(progress.percent)} %`;
  const eta = progress.etaSeconds !== undefined && progress.etaSeconds > 0 ? `, about ${progress.etaSeconds} s left` : '';
  return new ApiError('REDIS_UNAVAILABLE', `Redis is loading its dataset: ${percent}${eta}. It answers again when loading ends.`);
}

/** Reads `loading_loaded_perc` and `loading_eta_seconds` from an INFO persistence reply. */
export function loadingProgress(infoPersistence: string): { percent: number; etaSeconds?: number } | undefined {
  let persistence: InfoSection | undefined;
  try {
    persistence = parseInfo(infoPersistence).persistence;
  } catch {
    return undefined; // not INFO: the answer goes without the figure
  }
  const percent = persistence?.loading_loaded_perc;
  if (typeof percent !== 'number' || !Number.isFinite(percent)) return undefined;
  const etaSeconds = persistence?.loading_eta_seconds;
  return { percent, ...(typeof etaSeconds === 'number' && { etaSeconds }) };
}

/**
 * EXEC of a MULTI in which Redis refused a queued command (ACL NOPERM, a renamed command, a
 * write on a replica) fails with EXECABORT; ioredis keeps the refusals in `previousErrors`.
 * The inner refusal is what an operator can act on, so the answer names it.
 */
function execAbortToApiError(error: Error): ApiError {
  const previous = (error as Error & { previousErrors?: unknown }).previousErrors;
  const inner = Array.isArray(previous) ? previous.find((item): item is Error => item instanceof Error) : undefined;
  if (!inner) {
    return new ApiError('REDIS_COMMAND_DENIED', `Redis discarded the transaction (MULTI/EXEC) because it refused one of its commands: ${error.message}`);
  }
  const mapped = redisErrorToApiError(inner);
  if (mapped?.code === 'REDIS_READONLY') return mapped;
  return new ApiError(
    'REDIS_COMMAND_DENIED',
    `Redis discarded the transaction (MULTI/EXEC) because it refused a command in it: ${mapped?.message ?? inner.message}`,
  );
}

// Node's TLS failures carry an OpenSSL or Node code: on `code` from a socket, at the start of the
// message from a RespPipe ("CODE: message").
const UNTRUSTED_CERTIFICATE = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE',
  'CERT_REJECTED', 'INVALID_CA', 'CERT_CHAIN_TOO_LONG', 'INVALID_PURPOSE',
]);
const OUT_OF_DATE_CERTIFICATE = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
/** The server refused us in the handshake: it wants a client certificate it trusts. */
const CLIENT_CERTIFICATE_REFUSED = new Set([
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE',
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN', 'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED',
]);
/** A plain-text server on a rediss:// url. */
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST']);

function tlsCodeOf(error: Error): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string') return code;
  return /^([A-Z][A-Z0-9_]+): /.exec(error.message)?.[1];
}

/** The 503 for a TLS handshake that failed, in words that say what to fix; null for other errors. */
function tlsErrorToApiError(error: Error): ApiError | null {
  const code = tlsCodeOf(error);
  if (code === undefined) return null;
  const detail = error.message.startsWith(`${code}: `) ? error.message.slice(code.length + 2) : error.message;
  if (UNTRUSTED_CERTIFICATE.has(code)) {
    return new ApiError('REDIS_UNAVAILABLE', `Redis's TLS certificate was not trusted (${code}: ${detail}): no CA Redlens trusts signed it. Set the instance's tls.ca to the CA that signed the server's certificate.`);
  }
  if (OUT_OF_DATE_CERTIFICATE.has(code)) {
    return new ApiError('REDIS_UNAVAILABLE', `Redis's TLS certificate was not trusted (${code}: ${detail}): renew the server's certificate.`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new ApiError('REDIS_UNAVAILABLE', `Redis's TLS certificate was not trusted: it does not name the host Redlens connects to (${detail}). Use a host name the certificate lists, or set the instance's tls.servername.`);
  }
  if (CLIENT_CERTIFICATE_REFUSED.has(code)) {
    return new ApiError('REDIS_UNAVAILABLE', `Redis refused the TLS handshake (${code}): it requires a client certificate it trusts. Set the instance's tls.cert and tls.key to a certificate signed by the CA of Redis's tls-ca-cert-file.`);
  }
  if (NOT_TLS.has(code)) {
    return new ApiError('REDIS_UNAVAILABLE', `The server did not answer in TLS (${code}): is the port Redis's tls-port, or should the url be redis:// instead of rediss://?`);
  }
  return null;
}

const CLOSED_AT_ONCE = /ECONNRESET|Connection is closed/;
const NO_HANDSHAKE = /did not become ready|connect ETIMEDOUT/;

/**
 * What a failure may also mean over TLS, where the socket tells less than the server meant:
 * - with TLS 1.3 a server that requires a client certificate refuses one after the handshake, and
 *   the client often sees only a reset (its first write fails before the alert is read);
 * - a plain-text Redis takes a TLS ClientHello as the start of a command and waits for its end,
 *   so the handshake never completes and the connect times out.
 */
export function withTlsHint(apiError: ApiError, tls: { enabled: boolean; clientCertificate: boolean }): ApiError {
  if (!tls.enabled || apiError.code !== 'REDIS_UNAVAILABLE' || apiError.message.includes('Over TLS')) return apiError;
  const message = apiError.message.replace(/\.?$/, '.');
  if (!tls.clientCertificate && CLOSED_AT_ONCE.test(apiError.message) && !apiError.message.includes('client certificate')) {
    return new ApiError('REDIS_UNAVAILABLE', `${message} Over TLS this is also how a Redis that requires a client certificate (tls-auth-clients) refuses a client without one: set the instance's tls.cert and tls.key.`);
  }
  if (NO_HANDSHAKE.test(apiError.message)) {
    return new ApiError('REDIS_UNAVAILABLE', `${message} Over TLS this is also what a port that does not speak TLS does (a plain-text Redis behind a rediss:// url): check that the port is Redis's tls-port.`);
  }
  return apiError;
}

/** Returns the ApiError for a Redis-side failure, or null when the error is not Redis's. */
export function redisErrorToApiError(error: unknown): ApiError | null {
  if (ApiError.is(error)) return error;
  if (!(error instanceof Error)) return null;
  const message = error.message;

  if (error.name === 'RedisNotReadyError') return new ApiError('REDIS_UNAVAILABLE', message);
  const tlsError = tlsErrorToApiError(error);
  if (tlsError) return tlsError;
  if (/Command timed out/i.test(message)) {
    return new ApiError('REDIS_TIMEOUT', 'Redis did not answer within the command timeout (it may be blocked by a slow command).');
  }
  switch (firstWord(message)) {
    case 'NOPERM':
      return new ApiError('REDIS_COMMAND_DENIED', `The Redis ACL user may not run this command: ${message}`);
    case 'EXECABORT':
      return execAbortToApiError(error);
    case 'READONLY':
      return new ApiError('REDIS_READONLY', 'This instance is a read-only replica: writes go to its primary. Nothing was changed.');
    case 'WRONGPASS':
    case 'NOAUTH':
      return new ApiError('REDIS_UNAVAILABLE', `Redis refused the credentials: ${message}`);
    case 'LOADING':
      return loadingError();
    case 'BUSY':
      return new ApiError('REDIS_TIMEOUT', 'Redis is busy running a script.');
    case 'CLUSTERDOWN':
      return new ApiError('REDIS_UNAVAILABLE', `The cluster cannot serve this key now: ${message}`);
    case 'TRYAGAIN':
      return new ApiError('REDIS_UNAVAILABLE', `The key's slot is being moved between nodes; try again in a moment (${message}).`);
    case 'MASTERDOWN':
      return new ApiError('REDIS_UNAVAILABLE', `The replica has lost its primary: ${message}`);
    case 'WRONGTYPE':
      // Between two calls of one request the key was replaced by one of another type.
      return new ApiError('CONFLICT', 'The key changed type while Redlens was working on it; reload it and try again.');
    case 'OOM':
      return new ApiError('CONFLICT', 'Redis refused the write: it is at its maxmemory limit and its policy evicts nothing. Nothing was changed.');
    case 'MISCONF':
      return new ApiError('CONFLICT', `Redis refuses writes because it cannot save to disk: ${message}`);
  }
  const unknown = UNKNOWN_COMMAND.exec(message);
  if (unknown) {
    const command = unknown[1]!.toUpperCase();
    return new ApiError(
      'REDIS_COMMAND_DENIED',
      `Redis does not offer the ${command} command: it is renamed or disabled (rename-command in redis.conf), or this Redis version lacks it.`,
    );
  }
  if (UNAVAILABLE_NETWORK.test(message)) {
    return new ApiError('REDIS_UNAVAILABLE', `Redis is unreachable: ${message}`);
  }
  return null;
}
