import type { Deps } from '../deps.ts';
import { NotFoundError, ValidationError } from '../errors.ts';
import type { CalendarFeed } from './feed.ts';
import { emptyFeedState } from './feed-state.ts';
import { FEED_CHANNELS, type FeedChannel } from './types.ts';

// R10.1: a host adds a calendar feed to a property; its first read is due at once.

export const MAX_FEED_URL_LENGTH = 2048;

export interface NewFeed {
  url: string;
  channel: string;
}

/**
 * The URL's syntax only: http or https with a host. Whether its address may be fetched (https,
 * public, R10.7) is the fetcher's check, repeated after every redirect. Errors never quote the URL.
 */
export function checkFeedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError('url', 'must be an absolute http or https URL');
  }
  if (url.length > MAX_FEED_URL_LENGTH)
    throw new ValidationError('url', `must be at most ${MAX_FEED_URL_LENGTH} characters`);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new ValidationError('url', 'must be an absolute http or https URL');
  if (parsed.hostname === '') throw new ValidationError('url', 'must name a host');
  if (parsed.username !== '' || parsed.password !== '')
    throw new ValidationError('url', 'must not carry a user name or password');
  return parsed.href;
}

export const isFeedChannel = (channel: string): channel is FeedChannel =>
  (FEED_CHANNELS as readonly string[]).includes(channel);

export async function addFeed(
  deps: Deps,
  hostId: string,
  propertyId: string,
  input: NewFeed,
): Promise<CalendarFeed> {
  const url = checkFeedUrl(input.url);
  const { channel } = input;
  if (!isFeedChannel(channel))
    throw new ValidationError('channel', `must be one of ${FEED_CHANNELS.join(', ')}`);
  const property = await deps.properties.getProperty(hostId, propertyId);
  if (!property) throw new NotFoundError('property', 'propertyId');
  const now = deps.clock.now();
  const feed: CalendarFeed = {
    hostId,
    propertyId,
    calendarId: deps.newId(),
    channel,
    url,
    createdAt: now,
    nextReadAt: now,
    validators: {},
    health: { reads: 0, failedReads: 0, staysSeen: 0 },
    state: emptyFeedState(),
    version: 1,
  };
  await deps.feeds.createFeed(feed);
  return feed;
}
