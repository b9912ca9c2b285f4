import type { HttpRoute } from '#handlers/http/http.ts';

/**
 * A route that needs a secret on every request (a webhook's signing secrets). The secret is read at
 * cold start, where Lambda gives init its CPU; when it cannot be read (unset, wrong shape, no
 * access) the function still starts, and each request reads it again and fails with the secret's
 * name and key until an operator sets it.
 */
export async function routeOnSecret<S>(
  read: () => Promise<S>,
  build: (secret: S) => HttpRoute,
): Promise<HttpRoute> {
  let route = await read().then(build, () => undefined);
  return async (request) => {
    route ??= build(await read());
    return route(request);
  };
}
