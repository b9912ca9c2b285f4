import * as z from 'zod';

/** A JSON Schema object (OpenAPI 3.1 takes JSON Schema 2020-12 as it is). */
export type JsonSchema = Record<string, unknown> & {
  properties?: Record<string, unknown>;
  required?: string[];
};

/** What a request schema accepts, as JSON Schema, for the OpenAPI document. */
export const toSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};
