import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import { ALARMED_METRICS } from '#config/metric-names.ts';
import { ProviderCredentialsError } from '#core/errors.ts';
import { logger } from './logger.ts';
import { metrics } from './metrics.ts';

/**
 * A refused provider API key fails whatever run met it; this counts it and says so plainly, so the
 * operator's alarm names the cause rather than leaving a generic function error to be read.
 */
export function countRefusedCredentials<E, R>(): MiddlewareObj<E, R> {
  return {
    onError: async (request) => {
      const { error } = request;
      if (!(error instanceof ProviderCredentialsError)) return;
      metrics.addMetric(ALARMED_METRICS.providerCredentialsRejected, MetricUnit.Count, 1);
      logger.error('lock provider refused the API key', { provider: error.provider, status: error.status });
    },
  };
}
