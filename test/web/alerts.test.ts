import { describe, expect, it } from 'vitest';
import type { CalendarFeed, Property } from '../../web/src/api/types.ts';
import { feedAlerts } from '../../web/src/data/alerts.ts';

// R10.5 on the alerts screen: a failing calendar feed is something to look at; a healthy one is not.

const property = { propertyId: 'villa', name: 'Villa', settings: { timeZone: 'UTC' } } as Property;
const feed = (status: CalendarFeed['status'], lastError: CalendarFeed['lastError'] = null): CalendarFeed =>
  ({
    calendarId: `cal-${status}`,
    channel: 'airbnb',
    url: 'https://www.airbnb.com/…',
    status,
    lastGoodReadAt: '2026-12-01T09:00:00.000Z',
    lastError,
  }) as CalendarFeed;

describe('R10.5 calendar feed alerts', () => {
  it('names a failing feed, its last problem and its last good read, and links to the properties', () => {
    const alerts = feedAlerts([
      { property, feed: feed('failing', { at: '2026-12-01T15:00:00.000Z', problem: 'HTTP 404' }) },
      { property, feed: feed('ok') },
      { property, feed: feed('pending') },
    ]);
    expect(alerts).toEqual([
      {
        kind: 'feed',
        severity: 'warning',
        title: 'Villa: calendar feed https://www.airbnb.com/… is failing',
        detail: expect.stringMatching(/^Last problem: HTTP 404; last good read .*Dec 1.*9:00/),
        href: '#/properties',
      },
    ]);
  });
});
