import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from './logger.ts';

/** The middy stack of non-HTTP functions (scheduler and workflow targets): context in the logs. */
export function withLogging<E, R>(fn: (event: E) => Promise<R>) {
  return middy<E, R>(fn)
    .use(injectLambdaContext(logger))
    .use({
      after: async (request) => {
        logger.debug('invocation result', { result: request.response });
      },
      onError: async (request) => {
        logger.error('invocation failed', { error: request.error?.message, stack: request.error?.stack });
      },
    });
}
