import { readFileSync } from 'node:fs';

// The fixture feeds: invented names, codes and phones in the shapes of real exports (docs/calendars.md).

export type FixtureName =
  | 'airbnb-2022.ics'
  | 'airbnb-2025.ics'
  | 'airbnb-header-only.ics'
  | 'vrbo.ics'
  | 'abritel.ics'
  | 'booking.ics'
  | 'pms-icloud.ics'
  | 'outlook-windows-zone.ics'
  | 'broken-events.ics'
  | 'error-body.json'
  | 'error-body.html';

export const fixtureText = (name: FixtureName): string =>
  readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');

/** A fetched body as the caller passes it: the text and its length in bytes. */
export const fixture = (name: FixtureName): { body: string; byteLength: number } => {
  const body = fixtureText(name);
  return { body, byteLength: Buffer.byteLength(body, 'utf8') };
};

export const at = (iso: string): number => Date.parse(iso);
