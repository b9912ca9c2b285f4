import { HTTP_ROUTES } from '../lambdas/functions/catalog.ts';

export type LocalRoute = (typeof HTTP_ROUTES)[number];

// A route path ending in `{proxy+}` takes any rest of the path, as API Gateway's greedy variable does.
const PROXY = '{proxy+}';

/** The catalog's route API Gateway would pick for a request; undefined is its 404. */
export function matchRoute(method: string, path: string): LocalRoute | undefined {
  return HTTP_ROUTES.find((route) => {
    if (route.method !== 'ANY' && route.method !== method) return false;
    if (!route.path.endsWith(PROXY)) return path === route.path;
    return path.startsWith(route.path.slice(0, -PROXY.length));
  });
}
