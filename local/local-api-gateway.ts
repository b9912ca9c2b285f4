import { SeamWebhooks, seamWebhookFormat } from '#adapters/http/seam-webhook.ts';
import type { Deps } from '#core/deps.ts';
import { channelIntake } from '#handlers/http/channel-intake.ts';
import { hostApi } from '#handlers/http/host-api.ts';
import type { HttpResponse } from '#handlers/http/http.ts';
import { lockDeliveries } from '#handlers/http/webhook-deliveries.ts';
import { withHttpMiddleware } from '#handlers/http/with-http-middleware.ts';
import type { ChannelInbox } from '#ports/channel-inbox.ts';
import type { DeliveryRecords } from '#ports/delivery-records.ts';
import { functionLabel, type HttpFunctionName, routeKey } from '../lambdas/functions/catalog.ts';
import { localContext, toApiGatewayEvent } from './api-gateway-event.ts';
import type { AwsCalls } from './aws-calls.ts';
import { isFunctionCrash } from './faults/platform-faults.ts';
import { matchRoute } from './http-routes.ts';
import type { LocalJwtIssuer } from './jwt.ts';

export interface LocalHttpRequest {
  method: string;
  path: string;
  query?: string;
  headers?: Record<string, string>;
  body?: string;
}

export type HttpHandler = (event: unknown, context: unknown) => Promise<HttpResponse>;

/** The function behind each of the catalog's HTTP routes, as deployed. */
export function httpFunctions(
  deps: Deps,
  deliveries: DeliveryRecords,
  inbox: ChannelInbox,
  secrets: { channelSecrets: string[]; lockProviderSecret: string },
): Record<HttpFunctionName, HttpHandler> {
  // The sandbox delivers as Seam does, so Seam's webhook adapter reads it, under the sandbox's name.
  const lockWebhooks = new SeamWebhooks([secrets.lockProviderSecret], 'sandbox');
  return {
    channelWebhook: withHttpMiddleware(
      channelIntake({ ...deps, channelSecrets: secrets.channelSecrets, inbox }),
    ),
    lockWebhook: withHttpMiddleware(lockDeliveries({ ...deps, lockWebhooks }, deliveries)),
    hostApi: withHttpMiddleware(hostApi(deps, seamWebhookFormat)),
  };
}

/** API Gateway in front of the HTTP functions: routing, the JWT authorizer, and 502 for a crashed function. */
export class LocalApiGateway {
  private readonly calls: AwsCalls;
  private readonly jwt: LocalJwtIssuer;
  private readonly routes: Record<HttpFunctionName, HttpHandler>;
  /** Runs a handler as one Lambda invocation, with the platform's faults for the event `key` names. */
  private readonly invoke: (label: string, handler: HttpHandler, key: string) => HttpHandler;

  constructor(options: {
    calls: AwsCalls;
    jwt: LocalJwtIssuer;
    routes: Record<HttpFunctionName, HttpHandler>;
    invoke: (label: string, handler: HttpHandler, key: string) => HttpHandler;
  }) {
    this.calls = options.calls;
    this.jwt = options.jwt;
    this.routes = options.routes;
    this.invoke = options.invoke;
  }

  /** Answers an HTTP request as API Gateway and the functions behind it would. */
  async request(request: LocalHttpRequest, requestId: string): Promise<HttpResponse> {
    const now = Date.now();
    const base = { ...request, headers: request.headers ?? {}, body: request.body ?? '', requestId, now };
    const route = matchRoute(request.method, request.path);
    if (!route) return { statusCode: 404, body: JSON.stringify({ message: 'Not Found' }) };
    const claims = route.auth === 'jwt' ? this.bearerClaims(base.headers, now) : undefined;
    // API Gateway's JWT authorizer refuses before any function runs.
    if (route.auth === 'jwt' && !claims)
      return { statusCode: 401, body: JSON.stringify({ message: 'Unauthorized' }) };
    this.calls.lambda++;
    const key = `${route.function}|${request.method} ${request.path}|${base.body}`;
    // API Gateway answers 502 for a function that died before answering.
    return this.invoke(
      functionLabel(route.function),
      this.routes[route.function],
      key,
    )(
      toApiGatewayEvent(claims ? { ...base, claims } : base, routeKey(route)),
      localContext(functionLabel(route.function), requestId),
    ).catch((error: unknown) => {
      if (isFunctionCrash(error))
        return { statusCode: 502, body: JSON.stringify({ message: 'Internal Server Error' }) };
      throw error;
    });
  }

  /** The claims of a valid bearer token, as the JWT authorizer checks it. */
  private bearerClaims(headers: Record<string, string>, now: number) {
    const auth = Object.entries(headers).find(([k]) => k.toLowerCase() === 'authorization')?.[1] ?? '';
    return auth.startsWith('Bearer ') ? this.jwt.verify(auth.slice(7), now) : undefined;
  }
}
