// The dashboard's HTTP server: Node's http server with Next's request handler inside, instead of
// `next start`, which offers no control of Node's timeouts or a connection cap (20,000 idle
// connections exhausted the process's file descriptors). In front of Next it also:
// - refuses a declared body over the API's limit before a byte is read (413),
// - answers a path with malformed percent-encoding with the API's JSON 400 and the security
//   headers (Next answers a plain-text 500 without them),
// - passes the socket's peer address in a header it sets itself, any client-sent copy removed,
//   so the app knows the real client (lib/auth/request-origin.ts).
// Run it with `node scripts/lib/redlens-server.mjs` after `next build`; REDLENS_HOST and PORT
// say where it listens. Ctrl-C / SIGTERM close it and stop the process.
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import next from 'next';

const root = path.resolve(import.meta.dirname, '..', '..');

/** Time allowed for a client to send the request headers (slow-loris). */
export const HEADERS_TIMEOUT_MS = 10_000;
/** Time allowed to receive a whole request, headers and body. */
export const REQUEST_TIMEOUT_MS = 30_000;
/** An idle keep-alive connection is closed after this long. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** A socket with no traffic either way is closed after this long. */
export const SOCKET_IDLE_TIMEOUT_MS = 120_000;
/** How often Node checks connections against the header and request timeouts. */
export const CONNECTIONS_CHECK_INTERVAL_MS = 1_000;
/** Open connections at most; more are closed at once (REDLENS_MAX_CONNECTIONS). */
export const DEFAULT_MAX_CONNECTIONS = 512;
/** How long a refused upload's connection keeps reading (and discarding) after the answer. */
export const LINGER_MS = 2_000;
/** Same value as lib/http/body.ts MAX_BODY_BYTES: no route takes a larger body but the key edit. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Same value as lib/keys/edit.ts MAX_EDIT_BODY_BYTES: a key edit carries a value (PUT .../key). */
export const MAX_EDIT_BODY_BYTES = 1024 * 1024;
const KEY_EDIT_PATH = /^\/api\/instances\/[^/]+\/key\/?$/;

/** The most a request may declare: the route's own limit is checked again as the body is read. */
export function bodyLimitOf(method, pathname) {
  return method === 'PUT' && KEY_EDIT_PATH.test(pathname) ? MAX_EDIT_BODY_BYTES : MAX_BODY_BYTES;
}
/** The header carrying the peer address; same name as lib/auth/request-origin.ts PEER_HEADER. */
export const PEER_HEADER = 'x-redlens-peer';
// Tells the app (same process) that PEER_HEADER was set by this server and can be believed.
const PEER_HEADER_SET = Symbol.for('redlens.peerHeaderSet');

function positiveInteger(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: "${raw}" is not a positive whole number`);
  return value;
}

/** The headers next.config.js sets on `pathname`, so answers made here carry them too. */
async function configuredHeaders(dir) {
  const { default: config } = await import(pathToFileURL(path.join(dir, 'next.config.js')).href);
  const rules = typeof config.headers === 'function' ? await config.headers() : [];
  return (pathname) => {
    const headers = {};
    for (const rule of rules) {
      // The config uses "/:path*" and "/api/:path*" only: a prefix with any rest.
      const prefix = rule.source.replace(/\/:path\*$/, '');
      if (prefix === '' || pathname === prefix || pathname.startsWith(`${prefix}/`)) {
        for (const { key, value } of rule.headers) headers[key.toLowerCase()] = value;
      }
    }
    return headers;
  };
}

function sendJsonError(res, status, code, message, headers) {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    // The client may still be sending a body we will not read: end the connection after this.
    connection: 'close',
  });
  res.end(body);
}

/**
 * A lingering close for an answer sent while the client is still uploading. Node's server closes
 * such a connection at once after the answer, and closing a socket with unread data makes the
 * kernel reset it: the reset can reach the client before it has read the answer, which it then
 * never sees (measured: 2 of 3 refused uploads). Instead: send FIN after the answer, discard what
 * still arrives, and close when the client does or after LINGER_MS. Nothing is buffered.
 */
function lingerAfterAnswer(socket) {
  socket.destroySoon = function lingeringClose() {
    if (this.writable) this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    this.on('end', () => this.destroy());
  };
}

/** Strips the query and decodes the path; null when its percent-encoding is malformed. */
function decodedPath(url) {
  const pathname = (url ?? '/').split('?')[0];
  try {
    decodeURIComponent(pathname);
    return pathname;
  } catch {
    return null;
  }
}

export async function startRedlensServer({
  dir = root,
  host = process.env.REDLENS_HOST || '127.0.0.1',
  port = positiveInteger('PORT', 3000),
  maxConnections = positiveInteger('REDLENS_MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS),
} = {}) {
  // The app reads REDLENS_HOST and PORT for its Host check (lib/config: servedAt).
  process.env.REDLENS_HOST = host;
  process.env.PORT = String(port);
  process.env.NEXT_TELEMETRY_DISABLED ??= '1';
  const headersFor = await configuredHeaders(dir);
  const app = next({ dev: false, dir, hostname: host, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  globalThis[PEER_HEADER_SET] = true;

  const server = createServer({
    headersTimeout: HEADERS_TIMEOUT_MS,
    requestTimeout: REQUEST_TIMEOUT_MS,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    connectionsCheckingInterval: CONNECTIONS_CHECK_INTERVAL_MS,
  }, (req, res) => {
    const pathname = decodedPath(req.url);
    if (pathname === null) {
      sendJsonError(res, 400, 'BAD_REQUEST', 'The request path is not valid percent-encoding.', headersFor('/api/'));
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    const limit = bodyLimitOf(req.method, pathname);
    if (declared > limit) {
      lingerAfterAnswer(req.socket);
      sendJsonError(res, 413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${limit / 1024} KiB, the most Redlens accepts here.`, headersFor(pathname));
      return;
    }
    // A request arrived: from now on only a long silence ends the connection.
    req.socket.setTimeout(SOCKET_IDLE_TIMEOUT_MS);
    delete req.headers[PEER_HEADER];
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
    handle(req, res).catch((error) => {
      console.error('[redlens] request failed:', error);
      if (!res.headersSent) sendJsonError(res, 500, 'INTERNAL', 'Redlens failed to answer this request.', headersFor(pathname));
      else res.destroy();
    });
  });
  server.maxConnections = maxConnections;
  server.setTimeout(SOCKET_IDLE_TIMEOUT_MS, (socket) => socket.destroy());
  // Node's header timeout starts with the first byte of a request: a connection that never
  // sends one would stay open until the idle timeout. It gets the header timeout instead.
  server.on('connection', (socket) => socket.setTimeout(HEADERS_TIMEOUT_MS));
  // Node's own per-connection error answer (a malformed request line, headers too large).
  server.on('clientError', (error, socket) => {
    if (socket.writable && !socket.destroyed) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, resolve);
  });
  return {
    server,
    async close() {
      server.close();
      server.closeAllConnections();
      await app.close();
    },
  };
}

/** The tag of the line logged for an unhandled rejection; the e2e run fails when it sees one. */
export const UNHANDLED_REJECTION_TAG = '[redlens] unhandled rejection';

function main() {
  // A listener keeps one forgotten promise from ending the process (Node's default), and the
  // tag makes every such bug visible: there should never be one.
  process.on('unhandledRejection', (reason) => console.error(`${UNHANDLED_REJECTION_TAG} (a bug):`, reason));
  let running = null;
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    // The sampler's timers would keep the process alive: exit once the server has closed.
    const forced = setTimeout(() => process.exit(code), 5_000);
    forced.unref();
    await running?.close().catch(() => undefined);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop(0));
  startRedlensServer()
    .then((started) => {
      running = started;
      const { address, port } = started.server.address();
      console.log(`[redlens] serving on http://${address.includes(':') ? `[${address}]` : address}:${port}`);
    })
    .catch((error) => {
      console.error(`[redlens] could not start: ${error.message}`);
      process.exit(1);
    });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
