import type { z } from 'zod';
import { ValidationError } from '#core/errors.ts';

/** Parses at the edge; the first problem becomes a 400 naming the field (R9.2). */
export function validate<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : 'body';
  throw new ValidationError(field, issue?.message ?? 'is invalid');
}
