/**
 * Whether `error` is the AWS service exception called `name`. Compared by name rather than by
 * `instanceof` because SDK clients bundled twice (or mocked) carry distinct exception classes.
 */
export function isAwsError(error: unknown, name: string): boolean {
  return error instanceof Error && error.name === name;
}
