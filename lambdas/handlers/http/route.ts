import type { z } from 'zod';
import type { Deps } from '#core/deps.ts';
import { type HttpRequest, type HttpResponse, parseJson, rawBody } from './http.ts';
import { validate } from './validate.ts';

// The host API's route table entries: one declaration feeds the router, request validation and the
// OpenAPI document (openapi.ts), so the three cannot drift apart.

export type Params = Record<string, string>;
export type Handler = (
  deps: Deps,
  hostId: string,
  params: Params,
  request: HttpRequest,
) => Promise<HttpResponse>;
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the OpenAPI document says of a route; the schemas are the ones that validate its input. */
export interface RouteDoc {
  summary: string;
  params?: z.ZodType | undefined;
  query?: z.ZodType | undefined;
  body?: z.ZodType | undefined;
  /** Status of success; 200 unless given. */
  status?: number | undefined;
}

/** `[method, path, handler, doc?]`: an entry without a doc is still routed and documented by its path. */
export type RouteEntry = readonly [method: string, pattern: string, handler: Handler, doc?: RouteDoc];

interface Input<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

type Out<T> = T extends z.ZodType ? z.infer<T> : undefined;

/**
 * Declares a route whose path parameters, query and body are validated with the schemas in `doc`
 * before `handle` runs (R9.2): a bad value is a 400 naming its field, and nothing is written.
 */
export function route<D extends RouteDoc>(
  method: Method,
  pattern: string,
  doc: D,
  handle: (
    deps: Deps,
    hostId: string,
    input: Input<Out<D['params']>, Out<D['query']>, Out<D['body']>>,
    request: HttpRequest,
  ) => Promise<HttpResponse>,
): RouteEntry {
  const handler: Handler = (deps, hostId, params, request) => {
    const input = {
      params: doc.params ? validate(doc.params, params) : undefined,
      query: doc.query ? validate(doc.query, queryOf(request)) : undefined,
      body: doc.body ? validate(doc.body, parseJson(rawBody(request) || '{}')) : undefined,
    } as Input<Out<D['params']>, Out<D['query']>, Out<D['body']>>;
    return handle(deps, hostId, input, request);
  };
  return [method, pattern, handler, doc];
}

/** The path parameters when `path` fits `pattern` (`/v1/properties/{propertyId}`), else undefined. */
export function matchPath(pattern: string, path: string): Params | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Params = {};
  for (const [i, part] of want.entries()) {
    let actual: string;
    try {
      actual = decodeURIComponent(got[i] ?? '');
    } catch {
      return undefined;
    }
    if (part.startsWith('{')) params[part.slice(1, -1)] = actual;
    else if (part !== actual) return undefined;
  }
  return params;
}

/** The query string as one value per name (the first), from the raw string both API Gateway and the local runtime pass. */
function queryOf(request: HttpRequest): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(request.rawQueryString ?? '')) query[name] ??= value;
  return query;
}
