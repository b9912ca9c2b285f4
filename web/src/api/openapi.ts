import { apiUrl } from './client.ts';

// Whether the API offers a route, from its own OpenAPI document (public, GET /openapi.json): the
// page asks before calling a route that is still being built, instead of drawing a 404.

let openApi: Promise<{ paths?: Record<string, unknown> }> | undefined;

export async function apiOffers(path: string): Promise<boolean> {
  openApi ??= fetch(apiUrl('/openapi.json'), { credentials: 'omit' }).then((r) => (r.ok ? r.json() : {}));
  try {
    return Object.hasOwn((await openApi).paths ?? {}, path);
  } catch {
    openApi = undefined;
    return false;
  }
}
