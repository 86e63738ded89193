// The dashboard's own origin and the client's address, as Next's server reports them.

/** scheme://host of the dashboard, from the Host header and the protocol Next saw. */
export function ownOrigin(request: Request): string | null {
  const host = request.headers.get('host');
  if (!host) return null;
  const proto = request.headers.get('x-forwarded-proto') === 'https' ? 'https' : new URL(request.url).protocol.replace(':', '');
  return `${proto}://${host}`;
}

/** True only when the request's Origin is the dashboard's own; a missing or "null" Origin is not. */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null') return false;
  return origin === ownOrigin(request);
}

export function isHttps(request: Request): boolean {
  return request.headers.get('x-forwarded-proto') === 'https' || new URL(request.url).protocol === 'https:';
}

/**
 * The client's address. Next's server sets X-Forwarded-For from the socket when the client sent
 * none; a client can send its own, so throttling also caps failures per username.
 */
export function clientAddress(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'unknown';
}
