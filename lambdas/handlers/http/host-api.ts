import { NotFoundError, UnauthorizedError } from '#core/errors.ts';
import type { Reservation } from '#core/model.ts';
import type { Deps } from '#core/usecases/deps.ts';
import { matchLock, unmatchLock } from '#core/usecases/matching.ts';
import { createProperty, listLocks, listProperties, registerLock } from '#core/usecases/properties.ts';
import { resyncLock } from '#core/usecases/resync.ts';
import { type HttpRequest, type HttpResponse, json, parseJson, rawBody } from './http.ts';
import { renderMessageRoute } from './routes/render-message.ts';
import { CreatePropertyBody, LockPath, PropertyLockPath, RegisterLockBody } from './schemas/host-api.ts';
import { validate } from './validate.ts';

type Params = Record<string, string>;
type Handler = (deps: Deps, hostId: string, params: Params, request: HttpRequest) => Promise<HttpResponse>;

const body = (request: HttpRequest): unknown => parseJson(rawBody(request) || '{}');

const ROUTES: ReadonlyArray<[method: string, pattern: string, handler: Handler]> = [
  ['POST', '/v1/reservations/{reservationId}/render-message', renderMessageRoute],
  [
    'POST',
    '/v1/properties',
    async (deps, hostId, _params, request) => {
      const input = validate(CreatePropertyBody, body(request));
      const { id, name, ...settings } = input;
      const property = await createProperty(deps, {
        hostId,
        propertyId: id ?? deps.newId(),
        name,
        settings,
        lockIds: [],
      });
      return json(201, property);
    },
  ],
  [
    'GET',
    '/v1/properties',
    async (deps, hostId) => json(200, { properties: await listProperties(deps, hostId) }),
  ],
  [
    'GET',
    '/v1/properties/{propertyId}',
    async (deps, hostId, { propertyId = '' }) => {
      const property = await deps.store.getProperty(hostId, propertyId);
      if (!property) throw new NotFoundError('property', 'propertyId');
      return json(200, property);
    },
  ],
  [
    'POST',
    '/v1/locks',
    async (deps, hostId, _params, request) => {
      const { id, ...lock } = validate(RegisterLockBody, body(request));
      return json(201, await registerLock(deps, { hostId, lockId: id ?? deps.newId(), ...lock }));
    },
  ],
  ['GET', '/v1/locks', async (deps, hostId) => json(200, { locks: await listLocks(deps, hostId) })],
  [
    'PUT',
    '/v1/properties/{propertyId}/locks/{lockId}',
    async (deps, hostId, params) => {
      const { propertyId, lockId } = validate(PropertyLockPath, params);
      return json(200, await matchLock(deps, hostId, propertyId, lockId));
    },
  ],
  [
    'DELETE',
    '/v1/properties/{propertyId}/locks/{lockId}',
    async (deps, hostId, params) => {
      const { propertyId, lockId } = validate(PropertyLockPath, params);
      return json(200, await unmatchLock(deps, hostId, propertyId, lockId));
    },
  ],
  [
    'POST',
    '/v1/locks/{lockId}/resync',
    async (deps, hostId, params) => {
      const { lockId } = validate(LockPath, params);
      return json(200, await resyncLock(deps, hostId, lockId));
    },
  ],
  [
    'GET',
    '/v1/reservations/{reservationId}',
    async (deps, hostId, { reservationId = '' }) => {
      const reservation = await deps.store.getReservation(hostId, reservationId);
      if (!reservation) throw new NotFoundError('reservation', 'reservationId');
      return json(200, accessView(reservation));
    },
  ],
];

/** R8.1: the reservation's code, its status per lock and what happened, for its own host only. */
function accessView(r: Reservation) {
  const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString());
  return {
    reservationId: r.reservationId,
    propertyId: r.propertyId,
    status: r.status,
    guest: { name: r.guest.name },
    code: {
      pin: r.code.pin,
      name: r.code.name,
      activeFrom: iso(r.code.activeFrom),
      activeUntil: iso(r.code.activeUntil),
      communicatedAt: iso(r.code.communicatedAt),
      communicatedVia: r.code.communicatedVia,
      locks: r.code.locks.map((s) => ({
        lockId: s.lockId,
        status: s.status,
        attempts: s.attemptedAt.length,
        setAt: iso(s.setAt),
        removedAt: iso(s.removedAt),
        lastError: s.lastError,
      })),
    },
    timeline: r.timeline.map((t) => ({ ...t, at: iso(t.at) })),
  };
}

function match(pattern: string, path: string): Params | undefined {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Params = {};
  for (const [i, part] of want.entries()) {
    const actual = decodeURIComponent(got[i] ?? '');
    if (part.startsWith('{')) params[part.slice(1, -1)] = actual;
    else if (part !== actual) return undefined;
  }
  return params;
}

/** ANY /v1/*: the host API. The JWT authorizer (or the local runtime) puts the host id in `sub`. */
export const hostApi =
  (deps: Deps) =>
  async (request: HttpRequest): Promise<HttpResponse> => {
    const hostId = request.requestContext.authorizer?.jwt?.claims?.sub;
    if (typeof hostId !== 'string' || hostId === '') throw new UnauthorizedError();
    const method = request.requestContext.http.method;
    const path = request.rawPath;
    for (const [routeMethod, pattern, handler] of ROUTES) {
      const params = routeMethod === method ? match(pattern, path) : undefined;
      if (params) return handler(deps, hostId, params, request);
    }
    throw new NotFoundError('route', 'path');
  };
