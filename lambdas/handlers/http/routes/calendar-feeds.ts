import { addFeed } from '#core/calendars/add-feed.ts';
import { feedView, listFeeds } from '#core/calendars/list-feeds.ts';
import { removeFeed } from '#core/calendars/remove-feed.ts';
import { syncProperty } from '#core/calendars/sync-property.ts';
import { NotFoundError } from '#core/errors.ts';
import { json } from '../http.ts';
import { type RouteEntry, route } from '../route.ts';
import { AddCalendarBody, CalendarPath, PropertyPath } from '../schemas/host-api.ts';

// A property's calendar feeds (R10). After creation the URL is only ever answered masked (R10.7).

const PATH = '/v1/properties/{propertyId}/calendars';

export const calendarFeedRoutes: readonly RouteEntry[] = [
  route(
    'POST',
    PATH,
    {
      summary: 'Add a calendar feed (iCal link) to a property (R10.1)',
      params: PropertyPath,
      body: AddCalendarBody,
      status: 201,
    },
    async (deps, hostId, { params, body }) =>
      json(201, feedView(await addFeed(deps, hostId, params.propertyId, body))),
  ),
  route(
    'GET',
    PATH,
    { summary: 'List a property’s calendar feeds and how their reads went (R10.5)', params: PropertyPath },
    async (deps, hostId, { params }) =>
      json(200, { calendars: await listFeeds(deps, hostId, params.propertyId) }),
  ),
  route(
    'POST',
    `${PATH}/{calendarId}/sync`,
    { summary: 'Read the property’s calendar feeds now (R10.1)', params: CalendarPath },
    async (deps, hostId, { params }) => {
      const feed = await deps.feeds.getFeed(hostId, params.calendarId);
      if (feed?.propertyId !== params.propertyId) throw new NotFoundError('calendar', 'calendarId');
      const { added, changed, cancelled, unchanged, ignored } = await syncProperty(
        deps,
        hostId,
        params.propertyId,
        { all: true },
      );
      return json(200, { added, changed, cancelled, unchanged, ignored });
    },
  ),
  route(
    'DELETE',
    `${PATH}/{calendarId}`,
    { summary: 'Stop reading a calendar feed; its reservations stay', params: CalendarPath, status: 204 },
    async (deps, hostId, { params }) => {
      await removeFeed(deps, hostId, params.propertyId, params.calendarId);
      return { statusCode: 204 };
    },
  ),
];
