import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { correlate, correlationIdOf } from './correlation.ts';
import { logger } from './logger.ts';
import { flushMetrics } from './metrics.ts';
import { countRefusedCredentials } from './provider-credentials.ts';

/**
 * The middy stack of non-HTTP functions (scheduler, workflow and stream targets): context in the
 * logs. `idOf` reads the correlation id from the event (the inbox consumer's is the delivery id).
 */
export function withLogging<E, R>(
  fn: (event: E) => Promise<R>,
  idOf: (event: E) => string | undefined = correlationIdOf,
) {
  return (
    middy<E, R>(fn)
      // The request that scheduled or started this run: its id on every line of this one too.
      .use(correlate<E>(idOf))
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(flushMetrics<E, R>())
      // Registered after the flush, so its count is flushed with the failed invocation.
      .use(countRefusedCredentials<E, R>())
      .use({
        after: async (request) => {
          logger.debug('invocation result', { result: request.response });
        },
        onError: async (request) => {
          logger.error('invocation failed', { error: request.error?.message, stack: request.error?.stack });
        },
      })
  );
}
