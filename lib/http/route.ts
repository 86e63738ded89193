// The route wrapper: authenticate and authorize inside the handler (never only in proxy or
// middleware: CVE-2025-29927), refuse cross-site mutations, parse input, call lib, answer JSON.
import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { appAuth } from '@/lib/auth/app-auth';
import type { AuthContext } from '@/lib/auth/auth-context';
import { authenticate, type Principal } from '@/lib/auth/authenticate';
import { clientAddress, isSameOrigin } from '@/lib/auth/request-origin';
import { satisfies, type Requirement } from '@/lib/auth/roles';
import { recordAudit } from '@/lib/audit/audit-log';
import { appStore } from '@/lib/store/app-store';
import { appRegistry } from '@/lib/redis/app-registry';
import type { RedisInstance } from '@/lib/redis/registry';
import { ApiError, badRequest, notFound } from './errors';

export const API_HEADERS = { 'cache-control': 'no-store' };
const MAX_BODY_BYTES = 64 * 1024;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Params = Record<string, string | string[] | undefined>;
interface NextContext {
  params: Promise<Params>;
}

interface RouteOptions<Q extends z.ZodType, B extends z.ZodType> {
  /** Who may call: 'anyone', 'viewer' (any signed-in user or token), or 'admin'. */
  role: Requirement;
  query?: Q;
  body?: B;
  /** The audit action of a mutation; the wrapper records who, when, where and the outcome. */
  audit?: string;
}

export interface RouteContext<Q extends z.ZodType, B extends z.ZodType> {
  request: Request;
  query: z.infer<Q>;
  body: z.infer<B>;
  principal: Principal | null;
  auth: AuthContext;
  address: string;
  /** Sets the audit entry's target (a key, an entry count) once the handler knows it. */
  auditTarget: (target: string) => void;
}

export function errorResponse(error: ApiError, headers: Record<string, string> = {}): NextResponse {
  return NextResponse.json(error.toBody(), { status: error.status, headers: { ...API_HEADERS, ...headers } });
}

function toApiError(error: unknown, request: Request): ApiError {
  if (ApiError.is(error)) return error;
  // Internal details stay in the server log; the client gets a generic message.
  console.error(`[redlens] ${request.method} ${new URL(request.url).pathname} failed:`, error);
  return new ApiError('INTERNAL', 'Redlens failed to answer this request; the server log has the details.');
}

function issuesText(error: z.ZodError, where: string): string {
  return error.issues.map((issue) => `${issue.path.join('.') || where}: ${issue.message}`).join('; ');
}

function parseQuery<Q extends z.ZodType>(schema: Q | undefined, request: Request): z.infer<Q> {
  if (!schema) return undefined as z.infer<Q>;
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw badRequest(issuesText(parsed.error, 'query'));
  return parsed.data;
}

async function parseBody<B extends z.ZodType>(schema: B | undefined, request: Request): Promise<z.infer<B>> {
  if (!schema) return undefined as z.infer<B>;
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) throw badRequest(`the body is larger than ${MAX_BODY_BYTES / 1024} KiB`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw badRequest('the body is not valid JSON');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw badRequest(issuesText(parsed.error, 'body'));
  return parsed.data;
}

/** 401 / 403 before any input is read or any Redis call is made. */
function authorize(request: Request, options: RouteOptions<z.ZodType, z.ZodType>, principal: Principal | null, auth: AuthContext) {
  if (options.role !== 'anyone' && !principal) throw new ApiError('UNAUTHENTICATED', 'Sign in, or send an API token.');
  const mutation = !SAFE_METHODS.has(request.method);
  // A cookie rides along with cross-site requests; a bearer token never does.
  if (mutation && principal?.via !== 'token' && !isSameOrigin(request)) {
    throw new ApiError('FORBIDDEN', 'Refused: this change did not come from the Redlens dashboard itself (Origin check).');
  }
  if (!satisfies(principal?.role ?? null, options.role)) throw new ApiError('FORBIDDEN', 'Your role may not do this; an admin may.');
  if (mutation && options.role === 'admin' && auth.readOnly) {
    throw new ApiError('FORBIDDEN', 'Redlens runs read-only (REDLENS_READ_ONLY=1): no change is accepted.');
  }
}

/** A JSON route. `handler` returns the body (or a Response); thrown ApiErrors become their status. */
export function route<Q extends z.ZodType, B extends z.ZodType>(
  options: RouteOptions<Q, B>,
  handler: (context: RouteContext<Q, B>) => Promise<unknown> | unknown,
  /** The instance an audited mutation acts on (instanceRoute passes its id). */
  auditInstance: string | null = null,
) {
  return async (request: Request): Promise<Response> => {
    let principal: Principal | null = null;
    let target: string | null = null;
    const address = clientAddress(request);
    const audit = (outcome: 'ok' | 'denied' | 'failed', detail: string | null) => {
      if (!options.audit) return;
      recordAudit(appStore(), {
        actor: principal?.username ?? 'anonymous', role: principal?.role ?? null, address,
        instance: auditInstance, action: options.audit, target, outcome, detail,
      });
    };
    try {
      const auth = await appAuth();
      principal = authenticate(request, auth);
      try {
        authorize(request, options, principal, auth);
      } catch (error) {
        if (principal) audit('denied', (error as Error).message);
        throw error;
      }
      const context: RouteContext<Q, B> = {
        request, principal, auth, address,
        query: parseQuery(options.query, request),
        body: await parseBody(options.body, request),
        auditTarget: (value) => {
          target = value;
        },
      };
      let result: unknown;
      try {
        result = await handler(context);
      } catch (error) {
        audit('failed', ApiError.is(error) ? `${error.code}: ${error.message}` : 'internal error');
        throw error;
      }
      audit('ok', null);
      if (result instanceof Response) {
        result.headers.set('cache-control', 'no-store');
        return result;
      }
      return NextResponse.json(result, { headers: API_HEADERS });
    } catch (error) {
      return errorResponse(toApiError(error, request));
    }
  };
}

/** A route under /api/instances/{id}: the instance is found (or 404) after authorization. */
export function instanceRoute<Q extends z.ZodType, B extends z.ZodType>(
  options: RouteOptions<Q, B>,
  handler: (context: RouteContext<Q, B> & { instance: RedisInstance }) => Promise<unknown> | unknown,
) {
  return async (request: Request, next: NextContext): Promise<Response> => {
    const { id } = await next.params;
    return route(options, (context) => {
      const instance = typeof id === 'string' ? appRegistry().get(id) : undefined;
      if (!instance) throw notFound(`No instance with id "${String(id)}" is configured.`);
      return handler({ ...context, instance });
    }, typeof id === 'string' ? id : null)(request);
  };
}
