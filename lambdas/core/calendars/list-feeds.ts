import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import type { CalendarFeed } from './feed.ts';
import type { FeedChannel } from './types.ts';

// R10.5: what the host sees of each feed. The URL is a secret (R10.7): only scheme and host show.

export interface FeedView {
  calendarId: string;
  propertyId: string;
  channel: FeedChannel;
  /** `https://www.airbnb.com/…`: enough to tell the links apart, never the secret path. */
  url: string;
  status: 'pending' | 'ok' | 'failing';
  createdAt: string;
  lastGoodReadAt: string | null;
  lastError: { at: string; problem: string } | null;
  staysSeen: number;
  nextReadAt: string;
  reads: number;
  failedReads: number;
}

export function maskFeedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/…`;
  } catch {
    return '…';
  }
}

const iso = (at: number) => new Date(at).toISOString();

export function feedView(feed: CalendarFeed): FeedView {
  const { health } = feed;
  const status = health.failingSince !== undefined ? 'failing' : health.reads === 0 ? 'pending' : 'ok';
  return {
    calendarId: feed.calendarId,
    propertyId: feed.propertyId,
    channel: feed.channel,
    url: maskFeedUrl(feed.url),
    status,
    createdAt: iso(feed.createdAt),
    lastGoodReadAt: feed.state.lastGoodReadAt === undefined ? null : iso(feed.state.lastGoodReadAt),
    lastError: health.lastError ? { at: iso(health.lastError.at), problem: health.lastError.problem } : null,
    staysSeen: health.staysSeen,
    nextReadAt: iso(feed.nextReadAt),
    reads: health.reads,
    failedReads: health.failedReads,
  };
}

/** The property's feeds; another host's property is not found (R9.3). */
export async function listFeeds(deps: Deps, hostId: string, propertyId: string): Promise<FeedView[]> {
  const property = await deps.properties.getProperty(hostId, propertyId);
  if (!property) throw new NotFoundError('property', 'propertyId');
  return (await deps.feeds.listFeeds(hostId, propertyId)).map(feedView);
}
