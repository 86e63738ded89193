// The route wrapper: authenticate and authorize inside the handler (never only in proxy or
// middleware: CVE-2025-29927), refuse cross-site and foreign-Host mutations, read bounded input,
// audit a mutation before it runs (fail closed), call lib, answer JSON.
import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import type { AuthContext } from '@/lib/auth/auth-context';
import { authenticate, type Principal } from '@/lib/auth/authenticate';
import { clientAddress, isSameOrigin, isServedHost } from '@/lib/auth/request-origin';
import { satisfies, type Requirement } from '@/lib/api/roles';
import { finishAudit, recordAudit, type NewAuditEntry } from '@/lib/audit/audit-log';
import type { ServedAt } from '@/lib/config/schema';
import type { RedisInstance } from '@/lib/redis/registry';
import { server } from '@/lib/server/root';
import { storeWriteFailed } from '@/lib/store/write-failure';
import { readJsonBody } from './body';
import { ApiError, badRequest, notFound } from '@/lib/api/errors';

export const API_HEADERS = { 'cache-control': 'no-store' };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Params = Record<string, string | string[] | undefined>;
interface NextContext {
  params: Promise<Params>;
}

interface RouteOptions<Q extends z.ZodType, B extends z.ZodType> {
  /** Who may call: 'anyone', 'viewer' (any signed-in user or token), or 'admin'. */
  role: Requirement;
  query?: Q;
  /** The JSON body (at most `maxBodyBytes`, read as a stream); an empty body reads as `{}`. */
  body?: B;
  /** The body limit: MAX_BODY_BYTES (64 KiB) unless a route needs more (a key edit's value). */
  maxBodyBytes?: number;
  /**
   * The audit action of a mutation. The wrapper records who, when and where as `pending` before
   * the handler runs (refusing with 503, handler not run, when it cannot), then the outcome.
   */
  audit?: string;
  /**
   * Whether the route answers for a Redis Cluster instance as a whole (instanceRoute). Routes
   * that read one server (INFO, CLIENT LIST, CONFIG, ...) do not: on a cluster they answer 400
   * naming its nodes, whose own pages they serve.
   */
  wholeCluster?: boolean;
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

/** The JSON error answer, with the error's own headers (Retry-After) and any `extra` (a cleared cookie). */
export function errorResponse(error: ApiError, extra: Record<string, string> = {}): NextResponse {
  return NextResponse.json(error.toBody(), { status: error.status, headers: { ...API_HEADERS, ...error.headers, ...extra } });
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

async function parseBody<B extends z.ZodType>(schema: B | undefined, request: Request, maxBytes: number | undefined): Promise<z.infer<B>> {
  if (!schema) return undefined as z.infer<B>;
  const parsed = schema.safeParse(await readJsonBody(request, maxBytes));
  if (!parsed.success) throw badRequest(issuesText(parsed.error, 'body'));
  return parsed.data;
}

/** 401 / 403 before any input is read or any Redis call is made. */
function authorize(
  request: Request,
  options: RouteOptions<z.ZodType, z.ZodType>,
  principal: Principal | null,
  auth: AuthContext,
  servedAt: ServedAt,
) {
  if (options.role !== 'anyone' && !principal) throw new ApiError('UNAUTHENTICATED', 'Sign in, or send an API token.');
  const mutation = !SAFE_METHODS.has(request.method);
  // DNS rebinding: a page on the attacker's hostname that now resolves to this server sends
  // its own hostname as Host (and a matching Origin), so the Host itself must be ours.
  if (mutation && !isServedHost(request, servedAt)) {
    throw new ApiError('FORBIDDEN', `Refused: "${request.headers.get('host') ?? ''}" is not a host this Redlens serves (set REDLENS_PUBLIC_URL to the address browsers use).`);
  }
  // A cookie rides along with cross-site requests; a bearer token never does.
  if (mutation && principal?.via !== 'token' && !isSameOrigin(request, servedAt)) {
    throw new ApiError('FORBIDDEN', 'Refused: this change did not come from the Redlens dashboard itself (Origin check).');
  }
  if (!satisfies(principal?.role ?? null, options.role)) throw new ApiError('FORBIDDEN', 'Your role may not do this; an admin may.');
  if (mutation && options.role === 'admin' && auth.readOnly) {
    throw new ApiError('FORBIDDEN', 'Redlens runs read-only (REDLENS_READ_ONLY=1): no change is accepted.');
  }
}

/** The audit trail of one request: `pending` first, then how it went. */
class RequestAudit {
  private id: number | null = null;
  target: string | null = null;

  constructor(private readonly entry: () => Omit<NewAuditEntry, 'outcome' | 'detail' | 'target'>) {}

  /** Writes the pending row; throws 503 STORE_UNAVAILABLE when it cannot, so nothing is done. */
  begin(): void {
    try {
      this.id = recordAudit(server().store, { ...this.entry(), target: null, outcome: 'pending', detail: null });
    } catch (error) {
      throw storeWriteFailed(error, 'audit before a change');
    }
  }

  /** How it went. The change is done (or failed) either way, so a store failure here is logged, not answered. */
  finish(outcome: 'ok' | 'failed', detail: string | null): void {
    if (this.id === null) return;
    try {
      finishAudit(server().store, this.id, { outcome, target: this.target, detail });
    } catch (error) {
      storeWriteFailed(error, 'audit outcome after a change (its entry is left pending)');
    }
  }

  /** A refusal before anything was attempted: one row, logged when it cannot be written. */
  denied(detail: string): void {
    try {
      recordAudit(server().store, { ...this.entry(), target: this.target, outcome: 'denied', detail });
    } catch (error) {
      storeWriteFailed(error, 'audit of a refused change');
    }
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
    let address = 'unknown';
    const audit = new RequestAudit(() => ({
      actor: principal?.username ?? 'anonymous', role: principal?.role ?? null, address,
      instance: auditInstance, action: options.audit!,
    }));
    try {
      const config = server().config;
      address = clientAddress(request, config.trustProxy);
      const auth = await server().auth();
      principal = authenticate(request, auth);
      try {
        authorize(request, options, principal, auth, config.servedAt);
      } catch (error) {
        if (principal && options.audit) audit.denied((error as Error).message);
        throw error;
      }
      const context: RouteContext<Q, B> = {
        request, principal, auth, address,
        query: parseQuery(options.query, request),
        body: await parseBody(options.body, request, options.maxBodyBytes),
        auditTarget: (value) => {
          audit.target = value;
        },
      };
      if (options.audit) audit.begin();
      let result: unknown;
      try {
        result = await handler(context);
      } catch (error) {
        audit.finish('failed', ApiError.is(error) ? `${error.code}: ${error.message}` : 'internal error');
        throw error;
      }
      audit.finish('ok', null);
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

function perNodeOnly(cluster: RedisInstance): ApiError {
  const nodes = cluster.topology!.known().map((node) => node.id);
  return badRequest(`"${cluster.id}" is a Redis Cluster: this view is per node. Ask one of its nodes: ${nodes.join(', ')}.`);
}

/** A route under /api/instances/{id}: the instance is found (or 404) after authorization. */
export function instanceRoute<Q extends z.ZodType, B extends z.ZodType>(
  options: RouteOptions<Q, B>,
  handler: (context: RouteContext<Q, B> & { instance: RedisInstance }) => Promise<unknown> | unknown,
) {
  return async (request: Request, next: NextContext): Promise<Response> => {
    const { id } = await next.params;
    return route(options, (context) => {
      const instance = typeof id === 'string' ? server().registry.get(id) : undefined;
      if (!instance) throw notFound(`No instance with id "${String(id)}" is configured.`);
      if (instance.topology && !options.wholeCluster) throw perNodeOnly(instance);
      return handler({ ...context, instance });
    }, typeof id === 'string' ? id : null)(request);
  };
}
