import { fixtureText } from '../core/calendars/fixtures.ts';

// Airbnb- and Vrbo-shaped feeds for the end-to-end test, built on the fixtures' header and event
// shapes with dates the test chooses (relative to its virtual start).

export interface FeedStay {
  uid: string;
  /** All-day dates, `YYYY-MM-DD`. */
  start: string;
  end: string;
  /** Airbnb: the confirmation code and the phone's last 4 digits; Vrbo: the guest's name. */
  code?: string;
  phone?: string;
  name?: string;
}

const ical = (date: string) => date.replaceAll('-', '');

/** The fixture's calendar header (everything before its first event), with its own line ending. */
function shell(fixture: 'airbnb-2025.ics' | 'vrbo.ics'): { head: string; eol: string } {
  const text = fixtureText(fixture);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { head: text.slice(0, text.indexOf('BEGIN:VEVENT')), eol };
}

export function airbnbFeed(stays: readonly FeedStay[]): string {
  const { head, eol } = shell('airbnb-2025.ics');
  const events = stays.map((s) =>
    [
      'BEGIN:VEVENT',
      'DTSTAMP:20260301T081512Z',
      `DTSTART;VALUE=DATE:${ical(s.start)}`,
      `DTEND;VALUE=DATE:${ical(s.end)}`,
      'SUMMARY:Reserved',
      `UID:${s.uid}@airbnb.com`,
      // Folded inside the URL, as Airbnb does (R10.9).
      'DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/de',
      ` tails/${s.code}\\nPhone Number (Last 4 Digits): ${s.phone}`,
      'END:VEVENT',
    ].join(eol),
  );
  return `${head}${events.map((e) => `${e}${eol}`).join('')}END:VCALENDAR${eol}`;
}

export function vrboFeed(stays: readonly FeedStay[]): string {
  const { head, eol } = shell('vrbo.ics');
  const events = stays.map((s) =>
    [
      'BEGIN:VEVENT',
      `UID:${s.uid}`,
      'DTSTAMP:20260401T120301Z',
      `DTSTART;VALUE=DATE:${ical(s.start)}`,
      `DTEND;VALUE=DATE:${ical(s.end)}`,
      `SUMMARY:Reserved - ${s.name}`,
      'END:VEVENT',
    ].join(eol),
  );
  return `${head}${events.map((e) => `${e}${eol}`).join('')}END:VCALENDAR${eol}`;
}
