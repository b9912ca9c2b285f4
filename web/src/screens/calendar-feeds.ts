import { get, request } from '../api/client.ts';
import type { CalendarFeed, CalendarSync, FeedChannel, Property } from '../api/types.ts';
import { h, replaceKeepingFocus } from '../dom.ts';
import { formatWhen, plural } from '../format.ts';
import { type Outcome, outcome, runAction } from '../ui/action.ts';
import { chip } from '../ui/chip.ts';

// R10.5 in the properties view: a property's calendar feeds with how their reads went, adding one,
// reading them now and removing one. Links are shown masked, as the API answers them (R10.7).

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

/** What the host needs to judge a feed: its last good read, its last problem, its counts. */
function feedFacts(feed: CalendarFeed, zone: string): string {
  return [
    feed.lastGoodReadAt ? `Last good read ${formatWhen(feed.lastGoodReadAt, zone)}` : 'No good read yet',
    feed.lastError ? `last problem ${formatWhen(feed.lastError.at, zone)}: ${feed.lastError.problem}` : '',
    `${plural(feed.reads, 'read')}, ${feed.failedReads} failed`,
    plural(feed.staysSeen, 'stay'),
    `next read ${formatWhen(feed.nextReadAt, zone)}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

function feedItem(
  feed: CalendarFeed,
  path: string,
  zone: string,
  result: Outcome,
  redraw: () => Promise<void>,
): HTMLElement {
  const [tone, status] = STATUS[feed.status];
  const label = `${CHANNEL_LABELS[feed.channel] ?? feed.channel} feed`;
  const sync = h(
    'button',
    {
      type: 'button',
      class: 'button',
      'data-key': `sync-${feed.calendarId}`,
      'aria-label': `Sync now: ${label}`,
    },
    'Sync now',
  );
  sync.addEventListener('click', () =>
    runAction(sync, result, async () => {
      const r = await request<CalendarSync>('POST', `${path}/${enc(feed.calendarId)}/sync`);
      await redraw();
      return `Read: ${r.added} added, ${r.changed} changed, ${r.cancelled} cancelled, ${r.unchanged} unchanged.`;
    }),
  );
  const remove = h(
    'button',
    { type: 'button', class: 'button button-quiet', 'aria-label': `Remove: ${label}` },
    'Remove',
  );
  remove.addEventListener('click', () =>
    runAction(remove, result, async () => {
      await request('DELETE', `${path}/${enc(feed.calendarId)}`);
      await redraw();
      return 'Feed removed: its reservations stay.';
    }),
  );
  return h(
    'li',
    { class: 'feed', 'data-feed': feed.calendarId },
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
      h('p', { class: 'muted' }, feedFacts(feed, zone)),
    ),
    h('div', { class: 'row' }, sync, remove),
  );
}

function addFeedForm(property: Property, path: string, result: Outcome, redraw: () => Promise<void>) {
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
      return 'Feed added: Lockstep reads it within 15 minutes, or now with Sync now.';
    });
  });
  return form;
}

export async function calendarFeeds(property: Property): Promise<HTMLElement> {
  const path = `/v1/properties/${enc(property.propertyId)}/calendars`;
  const zone = property.settings.timeZone;
  const result = outcome(`feeds-${property.propertyId}`);
  const list = h('ul', { class: 'plain feeds' });
  const redraw = async () => {
    const { calendars } = await get<{ calendars: CalendarFeed[] }>(path);
    replaceKeepingFocus(
      list,
      ...(calendars.length > 0
        ? calendars.map((feed) => feedItem(feed, path, zone, result, redraw))
        : [h('li', { class: 'muted' }, 'No calendar feed yet.')]),
    );
  };
  await redraw();
  return h(
    'section',
    { class: 'feeds-section', 'aria-label': `Calendar feeds of ${property.name}` },
    h('h3', {}, 'Calendar feeds'),
    list,
    addFeedForm(property, path, result, redraw),
    result.element,
  );
}
