import { Metrics } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '#config/metric-names.ts';

/** One Powertools metrics buffer per function, flushed by the shared middy stacks. */
export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });

/**
 * Flushes the invocation's counts, on success and on failure. Powertools' own `logMetrics` warns
 * on every invocation that counted nothing, which is most of them: flush only when there is something.
 */
export function flushMetrics<E, R>(): MiddlewareObj<E, R> {
  const flush = async () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return { after: flush, onError: flush };
}
