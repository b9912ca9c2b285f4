import { beforeAll, describe, expect, it } from 'vitest';
import type { Report, ReservationReport } from '../../simulator/report.ts';
import { byId, runExample } from '../support/examples.ts';

// The guest messages and host alerts the simulator reports (R5, R8.2), from the example scenarios.

const MINUTE = 60_000;
const messageTime = (r: ReservationReport) =>
  new Date(Date.parse(r.activeFrom ?? '') - 10 * MINUTE).toISOString();

describe('examples/airbnb-cohosts.json', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('airbnb-cohosts');
  });

  it('R5.2 R5.3 sends the code through airbnb as the co-host who wrote to the guest last', () => {
    const r = byId(report, 'cohost-last-word');
    expect(r.guestMessages).toEqual([
      { at: messageTime(r), via: ['airbnb'], from: 'h2', code: r.pin, isBackup: false },
    ]);
  });

  it('R5.5 R5.1 reports the shortcode message and sends no code message after it: none was needed', () => {
    const r = byId(report, 'shortcode-sent');
    expect(r.guestMessages).toEqual([
      { at: '2027-01-14T18:00:00.000Z', via: ['airbnb'], from: 'h2', code: r.pin, isBackup: false },
    ]);
    expect(r.timeline.some((t) => t.event === 'guest.code_message_not_needed')).toBe(true);
  });

  it('R5.3 sends a vrbo guest the code as the listing primary host', () => {
    const r = byId(report, 'vrbo-primary');
    expect(r.guestMessages).toEqual([
      { at: messageTime(r), via: ['vrbo'], from: 'h1', code: r.pin, isBackup: false },
    ]);
  });

  it('R5.1 sends the code message after a shortcode message when an attempt to set the code was rejected', () => {
    const r = byId(report, 'rejected-then-set');
    expect(r.guestMessages.map((m) => [m.at, m.via, m.from, m.code])).toEqual([
      ['2027-01-12T09:00:00.000Z', ['booking'], 'h3', r.pin],
      [messageTime(r), ['booking'], 'h3', r.pin],
    ]);
  });

  it('gives every guest a working code, with no host alert and no refused event', () => {
    expect(report.kpis.workingCodeAtActiveFromRate).toBe(1);
    expect(report.kpis.guestMessages).toBe(5);
    expect(report.kpis.hostAlerts).toBe(0);
    expect(report.kpis.awsCalls).toMatchObject({ ses: 0, sns: 0 });
    expect(report.notes).toEqual([]);
  });

  it('replays byte for byte with the same seed', async () => {
    expect(JSON.stringify(await runExample('airbnb-cohosts'))).toBe(JSON.stringify(report));
  });
});

describe('examples/stormy-weekend.json host alerts (R8.2)', () => {
  let report: Report;
  beforeAll(async () => {
    report = await runExample('stormy-weekend');
  });

  it('alerts once per outage of each lock that went offline', () => {
    expect(report.locks.map((l) => [l.id, l.hostAlerts])).toEqual([
      ['loft-main', []],
      ['loft-side', [{ at: '2026-12-03T22:00:00.000Z', kind: 'lock_disconnected' }]],
      ['hut-door', [{ at: '2026-12-05T12:00:00.000Z', kind: 'lock_disconnected' }]],
    ]);
  });

  it('gives the guest of a lock offline at message time a backup in that message instead of a code_failed alert (R4.4, R8.2)', () => {
    const r = byId(report, 'storm-3');
    expect(r.hostAlerts).toEqual([]);
    expect(r.guestMessages).toEqual([
      { at: messageTime(r), via: ['email', 'sms'], from: null, code: r.backup?.code, isBackup: true },
    ]);
    expect(report.kpis.hostAlerts).toBe(2);
  });
});
