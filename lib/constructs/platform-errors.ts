import { Duration } from 'aws-cdk-lib';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';

/**
 * Errors a task meets when the platform fails under it, not the product (R9.5): the function died,
 * or a DynamoDB call stayed throttled, failed with a 5xx or timed out after the SDK's own retries
 * (a function's own timeout has its retrier, TIMED_OUT). Every task step is safe to run again.
 */
export const PLATFORM_ERRORS = [
  'Runtime.ExitError',
  'Lambda.Unknown',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'TimeoutError',
];

/** The Retry for PLATFORM_ERRORS: 1 s, 2 s, 4 s, 8 s with full jitter. */
export const PLATFORM_RETRY: sfn.RetryProps = {
  errors: PLATFORM_ERRORS,
  interval: Duration.seconds(1),
  maxAttempts: 4,
  backoffRate: 2,
  jitterStrategy: sfn.JitterType.FULL,
};
