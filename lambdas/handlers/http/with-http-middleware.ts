import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../logger.ts';
import { errorResponse, type HttpRequest, type HttpResponse, type HttpRoute } from './http.ts';

/** The one middy stack every HTTP function shares: context in the logs, errors mapped once. */
export function withHttpMiddleware(route: HttpRoute) {
  return middy<HttpRequest, HttpResponse>(route)
    .use(injectLambdaContext(logger))
    .use({
      // The answer at DEBUG, for tracing a delivery; the logger's redaction masks any PIN in it (R9.4).
      after: async (request) => {
        const correlationId = request.event.requestContext?.requestId ?? 'unknown';
        const { statusCode, body } = request.response ?? {};
        logger.debug('response', { correlationId, route: request.event.routeKey, statusCode, body });
      },
      onError: async (request) => {
        const correlationId = request.event.requestContext?.requestId ?? 'unknown';
        const { response, expected } = errorResponse(request.error, correlationId);
        const context = { correlationId, route: request.event.routeKey, error: request.error?.message };
        if (expected) logger.info('request refused', context);
        else logger.error('request failed', { ...context, stack: request.error?.stack });
        request.response = response;
      },
    });
}
