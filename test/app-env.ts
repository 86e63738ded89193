// Points the app's composition root (lib/server/root.ts: config, auth, store, registry, sampler...) at a test setup.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// The globalThis slot that server() keeps its objects on.
const SERVER_SLOT = '__redlensServer';

export const TEST_ORIGIN = 'http://127.0.0.1:3000';

/** Sets the environment the app reads and forgets any server object built from an earlier one. */
// An instance is written to the config file as given: {id, url} or a Sentinel's {id, sentinels, masterName}.
export function useAppEnv(options: { instances: Array<{ id: string; name?: string; url?: string; [field: string]: unknown }>; env?: Record<string, string> }) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'redlens-app-'));
  const configFile = path.join(dataDir, 'redlens.json');
  writeFileSync(configFile, JSON.stringify({ instances: options.instances }));
  for (const name of ['REDIS_URL', 'REDLENS_REDIS_URL', 'REDLENS_ADMIN_PASSWORD', 'REDLENS_VIEWER_PASSWORD', 'REDLENS_API_TOKEN', 'REDLENS_SESSION_SECRET', 'REDLENS_READ_ONLY']) {
    delete process.env[name];
  }
  Object.assign(process.env, { REDLENS_CONFIG: configFile, REDLENS_DATA_DIR: dataDir, ...options.env });
  delete (globalThis as Record<string, unknown>)[SERVER_SLOT];
  return { dataDir };
}

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as Next would, from the dashboard's own origin unless told otherwise. */
export function call(
  handler: Handler,
  method: string,
  pathname: string,
  options: { headers?: Record<string, string | undefined>; body?: unknown; params?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { host: '127.0.0.1:3000', origin: TEST_ORIGIN, 'x-forwarded-for': '127.0.0.1' };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  const request = new Request(`${TEST_ORIGIN}${pathname}`, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
  });
  return handler(request, { params: Promise.resolve(options.params ?? {}) });
}

/** The cookie pair (name=value) a Set-Cookie header sets. */
export function cookieOf(response: Response): string {
  const setCookie = response.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] ?? '';
}
