// The route wrapper: parse the query, find the instance, call lib, answer JSON or a typed error.
import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { appRegistry } from '@/lib/redis/app-registry';
import type { RedisInstance } from '@/lib/redis/registry';
import { ApiError, badRequest, notFound } from './errors';

const API_HEADERS = { 'cache-control': 'no-store' };

type Params = Record<string, string | string[] | undefined>;
interface NextContext {
  params: Promise<Params>;
}

interface RouteOptions<Q extends z.ZodType> {
  query?: Q;
}

interface Context<Q extends z.ZodType> {
  request: Request;
  query: z.infer<Q>;
}

export function errorResponse(error: ApiError): NextResponse {
  return NextResponse.json(error.toBody(), { status: error.status, headers: API_HEADERS });
}

function toApiError(error: unknown, request: Request): ApiError {
  if (error instanceof ApiError) return error;
  // Internal details stay in the server log; the client gets a generic message.
  console.error(`[redlens] ${request.method} ${new URL(request.url).pathname} failed:`, error);
  return new ApiError('INTERNAL', 'Redlens failed to answer this request; the server log has the details.');
}

function parseQuery<Q extends z.ZodType>(schema: Q | undefined, request: Request): z.infer<Q> {
  if (!schema) return undefined as z.infer<Q>;
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    throw badRequest(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'query'}: ${issue.message}`).join('; '));
  }
  return parsed.data;
}

/** A JSON route. `handler` returns the body; thrown ApiErrors become their status. */
export function route<Q extends z.ZodType>(
  options: RouteOptions<Q>,
  handler: (context: Context<Q>) => Promise<unknown> | unknown,
) {
  return async (request: Request): Promise<NextResponse> => {
    try {
      const body = await handler({ request, query: parseQuery(options.query, request) });
      return NextResponse.json(body, { headers: API_HEADERS });
    } catch (error) {
      return errorResponse(toApiError(error, request));
    }
  };
}

/** A JSON route under /api/instances/{id}: the instance is found (or 404) before the handler runs. */
export function instanceRoute<Q extends z.ZodType>(
  options: RouteOptions<Q>,
  handler: (context: Context<Q> & { instance: RedisInstance }) => Promise<unknown> | unknown,
) {
  return async (request: Request, context: NextContext): Promise<NextResponse> => {
    const { id } = await context.params;
    const inner = route(options, (ctx) => {
      const instance = typeof id === 'string' ? appRegistry().get(id) : undefined;
      if (!instance) throw notFound(`No instance with id "${String(id)}" is configured.`);
      return handler({ ...ctx, instance });
    });
    return inner(request);
  };
}
