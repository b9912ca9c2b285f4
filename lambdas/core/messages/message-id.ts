import { createHash } from 'node:crypto';

/**
 * A stable idempotency key of [a-z0-9-]: the same message gets the same key on every retry, whatever
 * characters the host's and the channel's ids contain (partners take it as an HTTP header).
 */
export function messageKey(
  kind: string,
  scope: readonly string[],
  ...parts: readonly (string | number)[]
): string {
  const digest = createHash('sha256').update(scope.join('\u0000')).digest('hex').slice(0, 24);
  return [
    kind,
    digest,
    ...parts.map((p) =>
      String(p)
        .replace(/[^A-Za-z0-9]/g, '')
        .toLowerCase(),
    ),
  ]
    .filter((p) => p !== '')
    .join('-');
}
