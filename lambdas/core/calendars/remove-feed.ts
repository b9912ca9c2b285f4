import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';

// A host removes a feed: it is no longer read. The reservations it made stay as they are, codes
// and all: removing a link is not cancelling the bookings behind it (docs/calendars.md).

export async function removeFeed(
  deps: Deps,
  hostId: string,
  propertyId: string,
  calendarId: string,
): Promise<void> {
  const feed = await deps.feeds.getFeed(hostId, calendarId);
  if (!feed || feed.propertyId !== propertyId) throw new NotFoundError('calendar', 'calendarId');
  await deps.feeds.deleteFeed(hostId, calendarId);
}
