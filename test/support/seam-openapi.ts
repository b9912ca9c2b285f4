import type { SentRequest } from './recording-fetch.ts';

// Seam's published API description (the OpenAPI document shipped in `@seamapi/types`) and a check of
// one request against it: the route, its method, and each body field's presence, type and limits.

interface Schema {
  type?: string;
  enum?: unknown[];
  nullable?: boolean;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  oneOf?: Schema[];
  anyOf?: Schema[];
}

interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface SeamOpenApi {
  paths: Record<string, Record<string, Operation>>;
}

/** The document as `@seamapi/types` ships it; its package exports do not expose the file, so it is read by path. */
export async function loadSeamOpenApi(): Promise<SeamOpenApi> {
  const file = new URL('./lib/seam/connect/openapi.js', import.meta.resolve('@seamapi/types'));
  const module = (await import(file.href)) as { default: SeamOpenApi };
  return module.default;
}

function valueProblems(field: string, value: unknown, schema: Schema): string[] {
  if (value === null) return schema.nullable ? [] : [`${field}: null is not allowed`];
  const options = schema.oneOf ?? schema.anyOf;
  if (options) {
    return options.some((option) => valueProblems(field, value, option).length === 0)
      ? []
      : [`${field}: matches none of its alternatives`];
  }
  if (schema.enum && !schema.enum.includes(value)) return [`${field}: ${JSON.stringify(value)} not in enum`];
  switch (schema.type) {
    case 'string': {
      if (typeof value !== 'string') return [`${field}: not a string`];
      const problems: string[] = [];
      if (schema.pattern && !new RegExp(schema.pattern).test(value))
        problems.push(`${field}: breaks its pattern`);
      if (schema.minLength !== undefined && value.length < schema.minLength)
        problems.push(`${field}: too short`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength)
        problems.push(`${field}: too long`);
      return problems;
    }
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${field}: not a boolean`];
    case 'number':
    case 'integer':
      return typeof value === 'number' ? [] : [`${field}: not a number`];
    case 'array':
      if (!Array.isArray(value)) return [`${field}: not an array`];
      return schema.items
        ? value.flatMap((v, i) => valueProblems(`${field}[${i}]`, v, schema.items ?? {}))
        : [];
    case 'object':
      return value && typeof value === 'object'
        ? bodyProblems(value as Record<string, unknown>, schema, `${field}.`)
        : [`${field}: not an object`];
    default:
      return [];
  }
}

function bodyProblems(body: Record<string, unknown>, schema: Schema, prefix = ''): string[] {
  const properties = schema.properties ?? {};
  const problems = (schema.required ?? [])
    .filter((name) => body[name] === undefined)
    .map((name) => `${prefix}${name}: required but missing`);
  for (const [name, value] of Object.entries(body)) {
    const property = properties[name];
    if (property) problems.push(...valueProblems(`${prefix}${name}`, value, property));
    else if (schema.additionalProperties !== true)
      problems.push(`${prefix}${name}: not a field of this route`);
  }
  return problems;
}

/** Every way the request departs from Seam's description; empty when it conforms. */
export function requestProblems(spec: SeamOpenApi, request: SentRequest): string[] {
  const route = spec.paths[request.path];
  if (!route) return [`${request.path}: no such route`];
  const operation = route[request.method];
  if (!operation) return [`${request.method.toUpperCase()} ${request.path}: method not allowed`];
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (!schema) return Object.keys(request.body).length === 0 ? [] : [`${request.path}: takes no JSON body`];
  return bodyProblems(request.body, schema);
}
