import type { z } from 'zod';
import { ValidationError } from '#core/errors.ts';

/** Parses at the edge; the first problem becomes a 400 naming the field (R9.2). */
export function validate<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // A strict schema's unknown field is named itself, not the object around it.
  if (issue?.code === 'unrecognized_keys') {
    throw new ValidationError([...issue.path, issue.keys[0]].join('.'), 'is not a known field');
  }
  const field = issue?.path.length ? issue.path.join('.') : 'body';
  throw new ValidationError(field, issue?.message ?? 'is invalid');
}
