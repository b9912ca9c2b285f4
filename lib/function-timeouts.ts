import { Duration } from 'aws-cdk-lib';
import { seamWorstCaseMs } from '../lambdas/config/seam-retries.ts';
import {
  FEED_READING_FUNCTION,
  type FunctionName,
  HTTP_ROUTES,
  seamRetriesOf,
} from '../lambdas/functions/catalog.ts';

// Each function's timeout outlasts the Seam client's own retries of one request, so a slow Seam
// ends in the client's error (which the workflow's retry plan handles), not in a killed invocation.

/** The rest of an invocation's work around its slowest Seam request (store calls, other requests). */
const OTHER_WORK_SECONDS = { behindApi: 5, background: 20 };

/** API Gateway HTTP APIs answer 503 after 30 s: a function behind one has no use for longer. */
export const HTTP_API_LIMIT = Duration.seconds(30);

// A shard's round reads up to thousands of feeds (docs/decisions.md, "Calendar feeds").
const OWN_NEEDS: Partial<Record<FunctionName, Duration>> = { [FEED_READING_FUNCTION]: Duration.minutes(5) };

const BEHIND_API = new Set<FunctionName>(HTTP_ROUTES.map((route) => route.function));

export function functionTimeout(name: FunctionName): Duration {
  const other = BEHIND_API.has(name) ? OTHER_WORK_SECONDS.behindApi : OTHER_WORK_SECONDS.background;
  const seconds = Math.ceil(seamWorstCaseMs(seamRetriesOf(name)) / 1000) + other;
  return Duration.seconds(Math.max(seconds, OWN_NEEDS[name]?.toSeconds() ?? 0));
}
