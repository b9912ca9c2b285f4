import { get, request } from '../api/client.ts';
import { apiOffers } from '../api/openapi.ts';
import type { CalendarFeed, CalendarSync, FeedChannel, Property } from '../api/types.ts';
import { isNotFound } from '../data/host-data.ts';
import { h, replaceKeepingFocus } from '../dom.ts';
import { formatWhen } from '../format.ts';
import { outcome, runAction } from '../ui/action.ts';
import { chip } from '../ui/chip.ts';

// R10.5 in the properties view: a property's calendar feeds, adding one, reading them now. The
// route is new; where the API does not have it yet (not in its OpenAPI document, or a 404), the
// section is simply not shown.

const CHANNEL_LABELS: Record<FeedChannel, string> = {
  airbnb: 'Airbnb',
  vrbo: 'Vrbo',
  booking: 'Booking.com',
  other: 'Other (iCal)',
};

const STATUS: Record<CalendarFeed['status'], ['ok' | 'warning' | 'problem', string]> = {
  ok: ['ok', 'Reading fine'],
  pending: ['warning', 'Not read yet'],
  failing: ['problem', 'Failing'],
};

const enc = encodeURIComponent;

const ROUTE = '/v1/properties/{propertyId}/calendars';

/** The section, or null when the API has no calendar feeds route. */
export async function calendarFeeds(property: Property): Promise<HTMLElement | null> {
  if (!(await apiOffers(ROUTE))) return null;
  const path = ROUTE.replace('{propertyId}', enc(property.propertyId));
  const load = () => get<{ calendars: CalendarFeed[] }>(path).then((a) => a.calendars);
  let feeds: CalendarFeed[];
  try {
    feeds = await load();
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
  const zone = property.settings.timeZone;
  const result = outcome(`feeds-${property.propertyId}`);
  const list = h('ul', { class: 'plain feeds' });
  const feedItem = (feed: CalendarFeed) => {
    const [tone, status] = STATUS[feed.status];
    const sync = h(
      'button',
      { type: 'button', class: 'button', 'data-key': `sync-${feed.calendarId}` },
      'Sync now',
    );
    sync.addEventListener('click', () =>
      runAction(sync, result, async () => {
        const r = await request<CalendarSync>('POST', `${path}/${enc(feed.calendarId)}/sync`);
        await redraw();
        return `Read: ${r.added} added, ${r.changed} changed, ${r.cancelled} cancelled, ${r.unchanged} unchanged.`;
      }),
    );
    const last = feed.lastError
      ? `Last problem: ${feed.lastError.problem}`
      : feed.lastGoodReadAt
        ? `Last read ${formatWhen(feed.lastGoodReadAt, zone)}`
        : '';
    return h(
      'li',
      { class: 'feed' },
      h(
        'div',
        {},
        h(
          'p',
          { class: 'feed-name' },
          h('strong', {}, CHANNEL_LABELS[feed.channel] ?? feed.channel),
          ` ${feed.url} `,
          chip(tone, status),
        ),
        h(
          'p',
          { class: 'muted' },
          [last, `${feed.staysSeen} stays`, `next read ${formatWhen(feed.nextReadAt, zone)}`]
            .filter(Boolean)
            .join(' · '),
        ),
      ),
      sync,
    );
  };
  const redraw = async () => {
    feeds = await load();
    replaceKeepingFocus(
      list,
      ...(feeds.length > 0 ? feeds.map(feedItem) : [h('li', { class: 'muted' }, 'No calendar feed yet.')]),
    );
  };
  const urlId = `${property.propertyId}-feed-url`;
  const channelId = `${property.propertyId}-feed-channel`;
  const url = h('input', {
    id: urlId,
    type: 'url',
    class: 'input',
    placeholder: 'https://…',
    autocomplete: 'off',
  });
  const channel = h(
    'select',
    { id: channelId, class: 'input' },
    Object.entries(CHANNEL_LABELS).map(([value, label]) => h('option', { value }, label)),
  );
  const add = h(
    'button',
    { type: 'submit', class: 'button', 'data-key': `add-feed-${property.propertyId}` },
    'Add feed',
  );
  const form = h(
    'form',
    { class: 'row', novalidate: true },
    h('label', { for: urlId }, 'iCal link'),
    url,
    h('label', { for: channelId }, 'Channel'),
    channel,
    add,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runAction(add, result, async () => {
      await request('POST', path, { url: url.value, channel: channel.value });
      url.value = '';
      await redraw();
      return 'Feed added: Lockstep reads it shortly.';
    });
  });
  await redraw();
  return h(
    'section',
    { class: 'feeds-section', 'aria-label': `Calendar feeds of ${property.name}` },
    h('h3', {}, 'Calendar feeds'),
    list,
    form,
    result.element,
  );
}
