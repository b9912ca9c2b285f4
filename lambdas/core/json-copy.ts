/**
 * A deep copy of plain JSON data (objects, arrays, strings, numbers, booleans, null), as a store
 * hands out: several times quicker than `structuredClone` or a JSON round trip for the small
 * entities Lockstep keeps, and each is copied on every read and update.
 */
export function jsonCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(jsonCopy) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = jsonCopy(inner);
  return copy as T;
}
