// Where a request comes from: the client's address (for throttling and the audit log) and whether
// it was sent by the dashboard's own pages to a host the dashboard serves (CSRF, DNS rebinding).
import 'server-only';
import { isIP } from 'node:net';
import type { ServedAt, TrustProxy } from '@/lib/config/schema';

/**
 * The socket's peer address, set by Redlens's own server (scripts/lib/redlens-server.mjs), which
 * removes any copy a client sent. Only believed when that server runs in this process: it sets
 * PEER_HEADER_SET; under plain `next start` a client could send the header itself.
 */
export const PEER_HEADER = 'x-redlens-peer';
const PEER_HEADER_SET = Symbol.for('redlens.peerHeaderSet');

/** For tests that call handlers as the Redlens server would: believe PEER_HEADER from now on. */
export function believePeerHeader(value: boolean): void {
  (globalThis as Record<symbol, unknown>)[PEER_HEADER_SET] = value;
}

const peerHeaderBelieved = () => (globalThis as Record<symbol, unknown>)[PEER_HEADER_SET] === true;

/** An address as one spelling: IPv4-mapped IPv6 (::ffff:192.0.2.1) is the IPv4 address. */
function normalizeAddress(value: string): string | null {
  const trimmed = value.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed)?.[1];
  const address = mapped ?? trimmed;
  return isIP(address) ? address.toLowerCase() : null;
}

const forwardedFor = (request: Request): string[] =>
  (request.headers.get('x-forwarded-for') ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);

/**
 * The client's address. By default the peer of the TCP connection, never a header a client can
 * write: X-Forwarded-For is believed only through REDLENS_TRUST_PROXY, walked from the right
 * while each hop is a trusted proxy. Without Redlens's server (tests that call handlers directly)
 * the peer is the rightmost X-Forwarded-For entry, the one Next's server adds from the socket.
 */
export function clientAddress(request: Request, trustProxy: TrustProxy = { mode: 'none' }): string {
  const hops = forwardedFor(request);
  let peer: string | null;
  if (peerHeaderBelieved()) {
    peer = normalizeAddress(request.headers.get(PEER_HEADER) ?? '');
  } else {
    const last = hops.pop();
    peer = last === undefined ? null : normalizeAddress(last);
  }
  if (peer === null) return 'unknown';
  if (trustProxy.mode === 'none') return peer;
  const trusted = (address: string) => trustProxy.mode === 'all' || trustProxy.addresses.includes(address);
  let address = peer;
  while (trusted(address) && hops.length > 0) {
    const next = normalizeAddress(hops.pop()!);
    // A hop that is not an address came from whoever the trusted proxy talked to: stop at the proxy.
    if (next === null) break;
    address = next;
  }
  return address;
}

export function isHttps(request: Request): boolean {
  return request.headers.get('x-forwarded-proto') === 'https' || new URL(request.url).protocol === 'https:';
}

/** scheme://host of the dashboard, from the Host header and the protocol Next saw. */
export function ownOrigin(request: Request): string | null {
  const host = request.headers.get('host');
  if (!host) return null;
  return `${isHttps(request) ? 'https' : 'http'}://${host}`;
}

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1']);

/** hostname (lower case, IPv6 without brackets) and port of a Host header, or null. */
function parseHost(host: string, defaultPort: number): { hostname: string; port: number } | null {
  let url: URL;
  try {
    url = new URL(`http://${host}`);
  } catch {
    return null;
  }
  // The URL parser accepts userinfo and paths; a Host header has neither.
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash || `${host}`.includes('@')) return null;
  const port = url.port === '' ? defaultPort : Number(url.port);
  return { hostname: url.hostname.replace(/^\[|\]$/g, '').toLowerCase(), port };
}

/** True when a Host header is REDLENS_PUBLIC_URL's host (with its port, or none: a proxy may drop it). */
function isPublicHost(header: string, host: { hostname: string; port: number }, publicUrl: string | null): boolean {
  if (!publicUrl) return false;
  const url = new URL(publicUrl);
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  return host.hostname === url.hostname.replace(/^\[|\]$/g, '').toLowerCase() && (host.port === port || !/:\d+$/.test(header));
}

/** True when a Host names the address the server is bound to, on its port. */
function isBoundHost(host: { hostname: string; port: number }, servedAt: ServedAt): boolean {
  if (host.port !== servedAt.port) return false;
  const bound = servedAt.host.replace(/^\[|\]$/g, '').toLowerCase();
  if (WILDCARD_HOSTS.has(bound)) return isIP(host.hostname) !== 0 || host.hostname === 'localhost';
  if (LOOPBACK_NAMES.has(bound) || bound.startsWith('127.')) return LOOPBACK_NAMES.has(host.hostname) || host.hostname === bound;
  return host.hostname === bound;
}

/**
 * True when the Host header names the dashboard: REDLENS_PUBLIC_URL's host, or the address it is
 * bound to on its port. A server bound to every interface (0.0.0.0 or ::) accepts any IP literal
 * and `localhost` on its port, but no other hostname: a DNS-rebinding page reaches the server
 * through a hostname the attacker controls, so its requests carry that hostname as Host. Serve the
 * dashboard under a name (a reverse proxy) by setting REDLENS_PUBLIC_URL to it.
 */
export function isServedHost(request: Request, servedAt: ServedAt): boolean {
  const header = request.headers.get('host');
  const host = header ? parseHost(header, isHttps(request) ? 443 : 80) : null;
  if (!header || !host) return false;
  return isPublicHost(header, host, servedAt.publicUrl) || isBoundHost(host, servedAt);
}

/**
 * True only when the request's Origin is the dashboard's own, on a host the dashboard serves; a
 * missing or "null" Origin is not. Checking Origin against Host alone is not enough: a
 * DNS-rebinding page sends `Host: evil.example:3581` with the matching Origin.
 */
export function isSameOrigin(request: Request, servedAt: ServedAt): boolean {
  const origin = request.headers.get('origin');
  if (!origin || origin === 'null' || !isServedHost(request, servedAt)) return false;
  if (origin === ownOrigin(request)) return true;
  // Behind a TLS proxy that does not send X-Forwarded-Proto, the page's origin is the public URL.
  const header = request.headers.get('host')!;
  const host = parseHost(header, isHttps(request) ? 443 : 80)!;
  return servedAt.publicUrl !== null && origin === servedAt.publicUrl && isPublicHost(header, host, servedAt.publicUrl);
}
