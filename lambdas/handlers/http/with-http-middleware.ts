import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { correlate, currentCorrelationId } from '../correlation.ts';
import { logger } from '../logger.ts';
import { flushMetrics } from '../metrics.ts';
import { countRefusedCredentials } from '../provider-credentials.ts';
import { errorResponse, type HttpRequest, type HttpResponse, type HttpRoute } from './http.ts';
import { deliveryId } from './idempotent-delivery.ts';

// Sent before the signature is checked: only a plain token is taken, anything else logs the request id.
const PLAIN_ID = /^[\w.:-]{1,128}$/;

/** A webhook's delivery id (so one booking's lines share the sender's id), else API Gateway's request id. */
export function requestCorrelationId(request: HttpRequest): string {
  const delivery = deliveryId(request);
  return PLAIN_ID.test(delivery) ? delivery : (request.requestContext?.requestId ?? 'unknown');
}

/** The one middy stack every HTTP function shares: context in the logs, errors mapped once. */
export function withHttpMiddleware(route: HttpRoute) {
  return (
    middy<HttpRequest, HttpResponse>(route)
      .use(correlate(requestCorrelationId))
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(flushMetrics<HttpRequest, HttpResponse>())
      // Registered after the flush, so its count is flushed with the failed invocation.
      .use(countRefusedCredentials<HttpRequest, HttpResponse>())
      .use({
        // The answer at DEBUG, for tracing a delivery; the logger's redaction masks any PIN in it (R9.4).
        after: async (request) => {
          const correlationId = currentCorrelationId() ?? requestCorrelationId(request.event);
          const { statusCode, body } = request.response ?? {};
          logger.debug('response', { correlationId, route: request.event.routeKey, statusCode, body });
        },
        onError: async (request) => {
          const correlationId = currentCorrelationId() ?? requestCorrelationId(request.event);
          const { response, expected } = errorResponse(request.error, correlationId);
          const context = { correlationId, route: request.event.routeKey, error: request.error?.message };
          if (expected) logger.info('request refused', context);
          else logger.error('request failed', { ...context, stack: request.error?.stack });
          request.response = response;
        },
      })
  );
}
