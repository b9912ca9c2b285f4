import type { ChannelEvent, FeedChannel, FeedEvent } from './types.ts';

// R10.2, R10.3: each channel's export says "stay" or "block" in its own words. Where these words
// come from (the public exports they were read from) is recorded in docs/calendars.md.

// `\b` knows only ASCII letters; these edges also hold after `é` or before `ü`.
const START = '(?<![\\p{L}\\d])';
const END = '(?![\\p{L}\\d])';
const words = (pattern: string, anchored = false) =>
  new RegExp(`${anchored ? '^' : START}(?:${pattern})${END}`, 'iu');

/** Airbnb's and Vrbo's holds, nights synced in from elsewhere, and their localized forms. */
const BLOCK_WORDS = words('not available|unavailable|blocked|indisponible|no disponible|nicht verfügbar');
/** Booked nights in Airbnb's word, and Vrbo's in the languages its sites (Vrbo, Abritel, Fewo-direkt) use. */
const RESERVED = words('reserved|réservée?|reservado|reservada|reserviert|booked', true);
/** Vrbo's tentative holds: not confirmed, so not yet a stay. */
const VRBO_TENTATIVE = words('tentative|provisoire', true);
/** Booking.com: `CLOSED - Not available` for a run of booked or closed nights; `CLOSED - <name>` once. */
const BOOKING_CLOSED = words('closed', true);
/** A PMS title that leads its guest's name with a word for "booking". */
const BOOKING_WORD = words('reserved|reservation|booking|booked', true);
/** Smoobu and others add check-in and check-out marker events beside the stay itself. */
const MARKER_EVENT = words('check-in|check-out|checkin|checkout', true);
/** What follows a leading word and its dash or colon: the guest's name, when there is one. */
const afterLead = (summary: string, lead: RegExp): string | undefined => {
  const match = lead.exec(summary);
  if (!match) return undefined;
  return /^\s*[-–:]\s*(.*)$/u.exec(summary.slice(match[0].length))?.[1] ?? '';
};

const URL_TOKEN = /https?:\/\/\S+/gi;
const AIRBNB_HOST = /(^|\.)airbnb(\.[a-z]{2,3}){1,2}$/i;
const PHONE_LAST_4 = /Phone Number \(Last 4 Digits\):\s*(\d{4})\b/i;
const CODE = /^[A-Z0-9]{6,20}$/i;

/** The first link to an Airbnb host (any regional domain) in the text. */
function airbnbUrl(text: string): URL | undefined {
  for (const [token] of text.matchAll(URL_TOKEN)) {
    try {
      const url = new URL(token);
      if (AIRBNB_HOST.test(url.hostname)) return url;
    } catch {
      // Not a URL after all; the next one may be.
    }
  }
  return undefined;
}

/**
 * The URL's last path segment (`…/hosting/reservations/details/HMXXXXXXXX`), or its `code`
 * parameter in the older itinerary form (`…/reservation/itinerary?code=HMXXXXXXXX`).
 */
function confirmationCodeOf(url: URL | undefined): string | undefined {
  const candidate = url?.searchParams.get('code') ?? url?.pathname.split('/').filter(Boolean).pop();
  return candidate && CODE.test(candidate) ? candidate.toUpperCase() : undefined;
}

/** The feed's own data on the stay (R10.3): the code from Airbnb's reservation URL, the phone's last 4. */
export function reservationDetails(description: string): { confirmationCode?: string; phoneLast4?: string } {
  const details: { confirmationCode?: string; phoneLast4?: string } = {};
  const code = confirmationCodeOf(airbnbUrl(description));
  if (code) details.confirmationCode = code;
  const phone = PHONE_LAST_4.exec(description)?.[1];
  if (phone) details.phoneLast4 = phone;
  return details;
}

/** A stay from an event, with whatever the feed says about its guest. */
function stay(event: FeedEvent, guestName: string): ChannelEvent {
  return {
    kind: 'stay',
    uid: event.uid,
    start: event.start,
    end: event.end,
    guestName: guestName.trim(),
    ...reservationDetails(event.description),
  };
}

const block = (event: FeedEvent): ChannelEvent => ({ kind: 'block', uid: event.uid });

/** Airbnb: `Reserved` with a reservation URL is a stay; `Airbnb (Not available)` and anything else a block. */
function airbnbEvent(event: FeedEvent, summary: string): ChannelEvent {
  if (airbnbUrl(event.description) || RESERVED.test(summary)) return stay(event, '');
  return block(event);
}

/** Vrbo: `Reserved - <name>` (or `Reserved`) is a stay; `Blocked` and tentative holds are not. */
function vrboEvent(event: FeedEvent, summary: string): ChannelEvent {
  if (VRBO_TENTATIVE.test(summary)) return block(event);
  const name = afterLead(summary, RESERVED);
  return name === undefined ? block(event) : stay(event, name);
}

/** Booking.com exports no bookings as such: every run of closed nights is taken as a stay (R10.9). */
function bookingEvent(event: FeedEvent, summary: string): ChannelEvent {
  const name = afterLead(summary, BOOKING_CLOSED) ?? '';
  return stay(event, BLOCK_WORDS.test(name) ? '' : name);
}

/** A PMS export: the title is the guest's name, or leads with a booking word; holds are blocks. */
function otherEvent(event: FeedEvent, summary: string): ChannelEvent {
  if (BLOCK_WORDS.test(summary) || MARKER_EVENT.test(summary) || BOOKING_CLOSED.test(summary))
    return block(event);
  return stay(event, afterLead(summary, BOOKING_WORD) ?? summary);
}

const INTERPRETERS: Record<FeedChannel, (event: FeedEvent, summary: string) => ChannelEvent> = {
  airbnb: airbnbEvent,
  vrbo: vrboEvent,
  booking: bookingEvent,
  other: otherEvent,
};

/** What one VEVENT means on its feed's channel. */
export function interpretEvent(channel: FeedChannel, event: FeedEvent): ChannelEvent {
  return INTERPRETERS[channel](event, event.summary.trim());
}

/** The channel whose export carries this PRODID, to warn a host who pasted a link under another channel. */
export function channelOfProdId(prodId: string | undefined): FeedChannel | undefined {
  if (!prodId) return undefined;
  if (/airbnb/i.test(prodId)) return 'airbnb';
  if (/homeaway|vrbo/i.test(prodId)) return 'vrbo';
  if (/booking\.com/i.test(prodId)) return 'booking';
  return 'other';
}
