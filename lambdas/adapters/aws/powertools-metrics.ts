import { MetricUnit, type Metrics as PowertoolsMetrics } from '@aws-lambda-powertools/metrics';
import type { MetricDimensions, MetricName, Metrics } from '#ports/metrics.ts';

/**
 * Counts as CloudWatch embedded metric format through Powertools. Plain counts are buffered and
 * flushed once per invocation by the handler wrappers; a count with dimensions goes out at once as
 * its own metric, so its dimensions never attach to the invocation's other counts.
 */
export class PowertoolsMetricsAdapter implements Metrics {
  private readonly metrics: PowertoolsMetrics;

  constructor(metrics: PowertoolsMetrics) {
    this.metrics = metrics;
  }

  count(name: MetricName, value = 1, dimensions: MetricDimensions = {}): void {
    const labels = Object.entries(dimensions).filter(([, v]) => typeof v === 'string' && v !== '');
    if (labels.length === 0) {
      this.metrics.addMetric(name, MetricUnit.Count, value);
      return;
    }
    const single = this.metrics.singleMetric();
    for (const [key, v] of labels) single.addDimension(key, v as string);
    single.addMetric(name, MetricUnit.Count, value);
  }
}
