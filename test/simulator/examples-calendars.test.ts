import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReservationReport } from '../../simulator/report.ts';
import { runExample } from '../support/examples.ts';

// The calendar feed examples (simulation contract version 2), replayed through the real runtime: the
// feeds are served on loopback and read by the product's own fetcher every 15 minutes.

const MINUTE = 60_000;
const t = (iso: string | null) => Date.parse(iso ?? 'invalid');

const byName = (report: Report, codeName: string): ReservationReport => {
  const found = report.reservations.find((r) => r.codeName === codeName);
  if (!found) throw new Error(`no reservation named ${codeName}`);
  return found;
};
const eventsOf = (r: ReservationReport, event: string) => r.timeline.filter((e) => e.event === event);

describe('examples/calendar-month.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('calendar-month');
  }, 300_000);

  it('makes a reservation of each stay in both feeds, with its source, and none of a block (R10.1, R10.2)', () => {
    expect(report.reservations.map((r) => [r.source?.calendarId, r.codeName, r.activeFrom])).toEqual([
      ['airbnb', 'HMZ7RC4KQA', '2026-12-03T21:00:00.000Z'], // 16:00 New York on DTSTART (R10.2)
      ['vrbo', 'Ines Marlow', '2026-12-06T21:00:00.000Z'],
      ['airbnb', 'HMBW9XE3TN', '2026-12-09T21:00:00.000Z'],
      ['vrbo', 'Tomasz Weir', '2026-12-13T21:00:00.000Z'],
      ['airbnb', 'HM4PD8SJVC', '2026-12-19T21:00:00.000Z'],
      ['vrbo', 'Odile Brun', '2026-12-23T21:00:00.000Z'],
      ['airbnb', 'HMQ2YH6FMB', '2026-12-27T21:00:00.000Z'],
      ['vrbo', 'Lena Hart', '2026-12-30T21:00:00.000Z'],
    ]);
    for (const r of report.reservations) {
      expect(r.id).toMatch(/^ical-[0-9a-f]{40}$/); // the product's own id
      expect(r.source?.uid).toMatch(/@airbnb\.com$|^[0-9a-f-]{36}$/);
    }
  });

  it('gives every guest a working code at activeFrom and leaves none behind', () => {
    expect(report.kpis).toMatchObject({
      reservations: 8,
      workingCodeAtActiveFromRate: 1,
      guestsWithoutWorkingCode: 0,
      codesLeftAfterDeletionDue: 0,
    });
  });

  it("takes the PIN from Airbnb's last four phone digits; Vrbo gives none (R10.3, R3.1)", () => {
    expect(
      ['HMZ7RC4KQA', 'HMBW9XE3TN', 'HM4PD8SJVC', 'HMQ2YH6FMB'].map((c) => byName(report, c).pin),
    ).toEqual(['2208', '7310', '5521', '0087']);
    expect(eventsOf(byName(report, 'Odile Brun'), 'code.chosen')[0]?.detail).toContain('random (no_phone)');
  });

  it('moves the stay whose dates changed under the same UID at the next read (R10.4, R7.1)', () => {
    const moved = byName(report, 'HM4PD8SJVC');
    expect(eventsOf(moved, 'reservation.modified').map((e) => e.at)).toEqual(['2026-12-10T19:30:00.000Z']);
    expect([moved.status, moved.activeUntil, moved.workingCodeAtActiveFrom]).toEqual([
      'accepted',
      '2026-12-22T16:00:00.000Z',
      true,
    ]);
  });

  it('cancels the stay gone from Vrbo at the second good read 30 minutes on (R10.4, R7.2)', () => {
    expect(report.reservations.filter((r) => r.status === 'cancelled').map((r) => r.codeName)).toEqual([
      'Tomasz Weir',
    ]);
    // Gone at 17:00, still gone at 17:15 (a 304), cancelled at 17:30; never set on the lock.
    expect(eventsOf(byName(report, 'Tomasz Weir'), 'reservation.cancelled')[0]?.at).toBe(
      '2026-12-08T17:30:00.000Z',
    );
    expect(byName(report, 'Tomasz Weir').locks[0]?.setAt).toBeNull();
  });

  it('sends each code message to the host to forward, ten minutes before activeFrom (R10.8, R5.1)', () => {
    for (const r of report.reservations.filter((r) => r.status === 'accepted')) {
      expect(r.guestMessages.map((m) => [m.at, m.via, m.code])).toEqual([
        [new Date(t(r.activeFrom) - 10 * MINUTE).toISOString(), ['host'], r.pin],
      ]);
    }
  });

  it('reads both feeds every 15 minutes, without a failure or an alert (R10.1, R10.5)', () => {
    expect(report.calendars).toEqual([
      { id: 'airbnb', reads: 2975, failedReads: 0, hostAlerts: [] },
      { id: 'vrbo', reads: 2975, failedReads: 0, hostAlerts: [] },
    ]);
    expect(report.kpis.hostAlerts).toBe(0);
  });
});

describe('examples/calendar-bad-afternoon.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('calendar-bad-afternoon');
  }, 300_000);

  it('cancels and moves nothing through failed reads and a header-only calendar (R10.4, R10.9)', () => {
    expect(report.reservations.map((r) => [r.source?.calendarId, r.codeName, r.status])).toEqual([
      ['airbnb', 'HMZ7RC4KQA', 'accepted'],
      ['vrbo', 'Ines Marlow', 'accepted'],
      ['airbnb', 'HMBW9XE3TN', 'accepted'],
    ]);
    const changes = report.reservations.flatMap((r) => [
      ...eventsOf(r, 'reservation.modified'),
      ...eventsOf(r, 'reservation.cancelled'),
    ]);
    expect(changes).toEqual([]);
  });

  it('still gives every guest a working code, the bad afternoon’s arrival included', () => {
    expect(report.kpis).toMatchObject({ workingCodeAtActiveFromRate: 1, guestsWithoutWorkingCode: 0 });
    expect(byName(report, 'HMZ7RC4KQA').workingCodeAtActiveFrom).toBe(true);
  });

  it('counts 503s, a JSON error body and timeouts as failed reads, and alerts once, 6 hours into the night of failures (R10.5)', () => {
    expect(report.calendars).toEqual([
      // 14 reads of the afternoon (17:00 to 20:15), 32 of the night (01:00 to 08:45).
      {
        id: 'airbnb',
        reads: 1247,
        failedReads: 46,
        hostAlerts: [{ at: '2026-12-07T07:00:00.000Z', kind: 'feed_failing' }],
      },
      { id: 'vrbo', reads: 1247, failedReads: 0, hostAlerts: [] },
    ]);
    expect(report.kpis.hostAlerts).toBe(1);
  });

  it('replays byte for byte, timeouts included', async () => {
    expect(JSON.stringify(await runExample('calendar-bad-afternoon'))).toBe(JSON.stringify(report));
  }, 300_000);
});
