import type { Deps } from '#core/deps.ts';
import { NotFoundError, UnauthorizedError } from '#core/errors.ts';
import { accountLocks, connectLockAccount } from '#core/locks/accounts.ts';
import { matchLock, unmatchLock } from '#core/locks/matching.ts';
import { resyncLock } from '#core/locks/resync.ts';
import { createProperty, listLocks, listProperties, registerLock } from '#core/properties/host-resources.ts';
import { updatePropertySettings } from '#core/properties/settings.ts';
import type { LockWebhookFormat } from '#ports/lock-webhooks.ts';
import { type HttpRequest, type HttpResponse, json } from './http.ts';
import { OPENAPI_PATH, openApiDocument } from './openapi.ts';
import { matchPath, type RouteEntry, route } from './route.ts';
import { accessView, reservationSummary } from './routes/access-view.ts';
import { backupPoolRoute } from './routes/backup-pool.ts';
import { calendarFeedRoutes } from './routes/calendar-feeds.ts';
import { RenderMessageBody, renderMessageRoute } from './routes/render-message.ts';
import { resendMessageRoute } from './routes/resend-message.ts';
import { reservationGuestRoute } from './routes/reservation-guest.ts';
import { staffRoutes } from './routes/staff.ts';
import {
  ConnectLockAccountBody,
  CreatePropertyBody,
  ListReservationsQuery,
  LockAccountPath,
  LockPath,
  PropertyLockPath,
  PropertyPath,
  RegisterLockBody,
  ReservationPath,
  UpdatePropertyBody,
} from './schemas/host-api.ts';

// The host API's routes, declared once: the router below and the OpenAPI document (openapi.ts)
// both read this table. Every handler is keyed by the caller's host id (R9.3).

export const ROUTES: readonly RouteEntry[] = [
  backupPoolRoute,
  [
    'POST',
    '/v1/reservations/{reservationId}/render-message',
    renderMessageRoute,
    {
      summary: 'Render (and optionally send) a host message with the guest’s code (R5.5)',
      body: RenderMessageBody,
    },
  ],
  resendMessageRoute,
  route(
    'POST',
    '/v1/properties',
    { summary: 'Create a property', body: CreatePropertyBody, status: 201 },
    async (deps, hostId, { body }) => {
      const { id, name, ...settings } = body;
      const property = await createProperty(deps, {
        hostId,
        propertyId: id ?? deps.newId(),
        name,
        settings,
        lockIds: [],
      });
      return json(201, property);
    },
  ),
  route('GET', '/v1/properties', { summary: 'List the host’s properties' }, async (deps, hostId) =>
    json(200, { properties: await listProperties(deps, hostId) }),
  ),
  route(
    'GET',
    '/v1/properties/{propertyId}',
    { summary: 'Read a property', params: PropertyPath },
    async (deps, hostId, { params }) => {
      const property = await deps.properties.getProperty(hostId, params.propertyId);
      if (!property) throw new NotFoundError('property', 'propertyId');
      return json(200, property);
    },
  ),
  route(
    'PATCH',
    '/v1/properties/{propertyId}',
    {
      summary: 'Change a property’s settings; new buffers move live reservations’ windows (R7.1)',
      params: PropertyPath,
      body: UpdatePropertyBody,
    },
    async (deps, hostId, { params, body }) => {
      const { name, ...settings } = body;
      const result = await updatePropertySettings(deps, hostId, params.propertyId, { name, settings });
      return json(200, { ...result.property, reservationsMoved: result.reservationsMoved });
    },
  ),
  route(
    'POST',
    '/v1/locks',
    { summary: 'Register a lock of a connected provider account', body: RegisterLockBody, status: 201 },
    async (deps, hostId, { body }) => {
      const { id, ...lock } = body;
      return json(201, await registerLock(deps, { hostId, lockId: id ?? deps.newId(), ...lock }));
    },
  ),
  route('GET', '/v1/locks', { summary: 'List the host’s locks' }, async (deps, hostId) =>
    json(200, { locks: await listLocks(deps, hostId) }),
  ),
  route(
    'PUT',
    '/v1/properties/{propertyId}/locks/{lockId}',
    { summary: 'Match a lock to a property (R1.1, R1.2)', params: PropertyLockPath },
    async (deps, hostId, { params }) =>
      json(200, await matchLock(deps, hostId, params.propertyId, params.lockId)),
  ),
  route(
    'DELETE',
    '/v1/properties/{propertyId}/locks/{lockId}',
    { summary: 'Unmatch a lock from a property (R1.3)', params: PropertyLockPath },
    async (deps, hostId, { params }) =>
      json(200, await unmatchLock(deps, hostId, params.propertyId, params.lockId)),
  ),
  route(
    'POST',
    '/v1/locks/{lockId}/resync',
    { summary: 'Re-program every code Lockstep owns on a lock (R1.4)', params: LockPath },
    async (deps, hostId, { params }) => json(200, await resyncLock(deps, hostId, params.lockId)),
  ),
  route(
    'GET',
    '/v1/lock-accounts',
    { summary: 'List the host’s connected lock provider accounts' },
    async (deps, hostId) => json(200, { accounts: await deps.hostAccounts.listLockAccounts(hostId) }),
  ),
  route(
    'POST',
    '/v1/lock-accounts',
    {
      summary: 'Connect a lock provider account of this deployment',
      body: ConnectLockAccountBody,
      status: 201,
    },
    async (deps, hostId, { body }) => {
      const { account, created } = await connectLockAccount(deps, hostId, body.provider);
      return json(created ? 201 : 200, account);
    },
  ),
  route(
    'GET',
    '/v1/lock-accounts/{provider}/locks',
    { summary: 'The host’s locks on an account, with live status and capabilities', params: LockAccountPath },
    async (deps, hostId, { params }) =>
      json(200, { locks: await accountLocks(deps, hostId, params.provider) }),
  ),
  route(
    'GET',
    '/v1/reservations',
    {
      summary: 'List a property’s reservations whose code window overlaps [from, to), paginated',
      query: ListReservationsQuery,
    },
    async (deps, hostId, { query }) => {
      const at = (text: string | undefined) => (text === undefined ? undefined : Date.parse(text));
      const page = await deps.reservations.pageReservations(hostId, query.propertyId, {
        from: at(query.from),
        to: at(query.to),
        limit: query.limit,
        cursor: query.cursor,
      });
      return json(200, {
        // Staff codes (R12) have their own routes: the guests' lists stay guests only.
        reservations: page.reservations.filter((r) => !r.staff).map(reservationSummary),
        cursor: page.cursor ?? null,
      });
    },
  ),
  route(
    'GET',
    '/v1/reservations/{reservationId}',
    {
      summary:
        'A reservation’s access view (R8.1); a door holding an offline code shows `offlineCode: true`, its window and `firstUseBefore` (R11.3)',
      params: ReservationPath,
    },
    async (deps, hostId, { params }) => {
      const reservation = await deps.reservations.getReservation(hostId, params.reservationId);
      if (!reservation) throw new NotFoundError('reservation', 'reservationId');
      return json(200, accessView(reservation));
    },
  ),
  reservationGuestRoute,
  ...calendarFeedRoutes,
  ...staffRoutes,
];

/**
 * ANY /v1/*: the host API. The JWT authorizer (or the local runtime) puts the host id in `sub`.
 * GET /openapi.json is the one public route: the document describes the API, not any host's data.
 */
export const hostApi = (deps: Deps, lockWebhookFormat: () => LockWebhookFormat) => {
  // Built at the first request for it: most cold starts never serve it.
  let document: ReturnType<typeof openApiDocument> | undefined;
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const method = request.requestContext.http.method;
    const path = request.rawPath;
    if (method === 'GET' && path === OPENAPI_PATH) {
      document ??= openApiDocument(ROUTES, lockWebhookFormat());
      return json(200, document);
    }
    const hostId = request.requestContext.authorizer?.jwt?.claims?.sub;
    if (typeof hostId !== 'string' || hostId === '') throw new UnauthorizedError();
    for (const [routeMethod, pattern, handler] of ROUTES) {
      const params = routeMethod === method ? matchPath(pattern, path) : undefined;
      if (params) return handler(deps, hostId, params, request);
    }
    throw new NotFoundError('route', 'path');
  };
};
