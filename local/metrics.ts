import type { MetricDimensions, MetricName, Metrics } from '#ports/metrics.ts';

export interface RecordedMetric {
  name: MetricName;
  value: number;
  dimensions: MetricDimensions;
}

/** CloudWatch metrics' stand-in: keeps every count in memory for the runtime's reports and tests. */
export class LocalMetrics implements Metrics {
  readonly recorded: RecordedMetric[] = [];

  count(name: MetricName, value = 1, dimensions: MetricDimensions = {}): void {
    this.recorded.push({ name, value, dimensions });
  }

  /** The sum of one metric, over the counts whose dimensions include `dimensions`. */
  total(name: MetricName, dimensions: MetricDimensions = {}): number {
    const wanted = Object.entries(dimensions);
    return this.recorded
      .filter((m) => m.name === name)
      .filter((m) => wanted.every(([k, v]) => m.dimensions[k as keyof MetricDimensions] === v))
      .reduce((sum, m) => sum + m.value, 0);
  }
}
