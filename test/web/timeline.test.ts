import { describe, expect, it } from 'vitest';
import type { AccessView } from '../../web/src/api/types.ts';
import { timeTicks } from '../../web/src/data/time-ticks.ts';
import { describeEvent, describeReservation, describeTimeline } from '../../web/src/data/timeline-events.ts';

// R13.3: the reservation's timeline picture: events in the host's words and lanes, and an axis with
// ticks at round times of the property's zone.

describe('timeline events', () => {
  it('places a scheduled entry at its due time, as planned', () => {
    expect(
      describeEvent({ at: '2026-12-01T10:00:00Z', event: 'schedule.delete', detail: '2026-12-05T16:30:00Z' }),
    ).toEqual({
      at: Date.parse('2026-12-05T16:30:00Z'),
      label: 'Removal due',
      lane: 'removal',
      tone: 'planned',
      lockId: undefined,
      detail: undefined,
    });
  });

  it('names the alert’s kind and keeps an unknown event under its own name', () => {
    expect(
      describeEvent({ at: '2026-12-01T10:00:00Z', event: 'host.alert_sent', detail: 'lock_disconnected' }),
    ).toMatchObject({ label: 'You were alerted by email', detail: 'lock disconnected', tone: 'problem' });
    expect(describeEvent({ at: '2026-12-01T10:00:00Z', event: 'something.new' })).toMatchObject({
      label: 'something.new',
      lane: 'stay',
    });
  });

  it('R11.3, R13.3 marks an offline code’s issue in its own tone, its UTC limit left to the door row', () => {
    expect(
      describeEvent({
        at: '2026-12-01T10:00:00Z',
        event: 'offline_code.issued',
        lockId: 'front-door',
        detail: 'first use before 2026-12-02T10:00:00.000Z',
      }),
    ).toMatchObject({
      label: 'Offline code issued',
      lane: 'attempts',
      tone: 'offline-code',
      lockId: 'front-door',
      detail: undefined,
    });
  });

  it('sorts the timeline by when things happen or are due', () => {
    const events = describeTimeline([
      { at: '2026-12-01T10:00:00Z', event: 'schedule.message', detail: '2026-12-04T19:50:00Z' },
      { at: '2026-12-01T10:00:01Z', event: 'code.set_on_lock', lockId: 'front-door' },
    ]);
    expect(events.map((e) => e.label)).toEqual(['Lock confirmed the code', 'Code message due']);
  });

  it('shows a moved schedule entry only where it is due now (R2.4), and refusals in words', () => {
    const events = describeTimeline([
      { at: '2026-12-01T10:00:00Z', event: 'schedule.delete', detail: '2026-12-05T16:30:00Z' },
      { at: '2026-12-01T10:00:01Z', event: 'code.attempt_failed', lockId: 'cellar', detail: 'no_space' },
      { at: '2026-12-02T10:00:00Z', event: 'schedule.delete', detail: '2026-12-06T16:30:00Z' },
    ]);
    expect(events.map((e) => [e.label, e.detail, new Date(e.at).toISOString()])).toEqual([
      ['Attempt refused', 'the lock is full', '2026-12-01T10:00:01.000Z'],
      ['Removal due', undefined, '2026-12-06T16:30:00.000Z'],
    ]);
  });

  it('draws each door’s planned next attempt among the attempts, as planned (R4.1, R13.3)', () => {
    const view = {
      timeline: [{ at: '2026-12-01T10:00:00Z', event: 'code.attempt_failed', lockId: 'cellar' }],
      code: {
        locks: [
          { lockId: 'front', status: 'set', attempts: 1 },
          { lockId: 'cellar', status: 'failed', attempts: 1, nextAttemptAt: '2026-12-01T10:07:00Z' },
        ],
      },
    } as AccessView;
    expect(describeReservation(view).map((e) => [e.label, e.lane, e.tone, e.lockId, e.at])).toEqual([
      ['Attempt refused', 'attempts', 'problem', 'cellar', Date.parse('2026-12-01T10:00:00Z')],
      ['Next attempt', 'attempts', 'planned', 'cellar', Date.parse('2026-12-01T10:07:00Z')],
    ]);
  });
});

describe('time axis ticks', () => {
  const iso = (ticks: number[]) => ticks.map((t) => new Date(t).toISOString());

  it('puts the ticks of a stay of days at the property’s midnights', () => {
    const ticks = timeTicks(
      Date.parse('2026-12-01T15:00:00Z'),
      Date.parse('2026-12-04T15:00:00Z'),
      'America/New_York',
    );
    expect(ticks.daily).toBe(true);
    expect(iso(ticks.at)).toEqual([
      '2026-12-02T05:00:00.000Z',
      '2026-12-03T05:00:00.000Z',
      '2026-12-04T05:00:00.000Z',
    ]);
  });

  it('puts the ticks of a few hours on whole hours of a half-hour zone', () => {
    const ticks = timeTicks(
      Date.parse('2026-12-01T10:10:00Z'),
      Date.parse('2026-12-01T13:00:00Z'),
      'Asia/Kolkata',
    );
    expect(ticks.daily).toBe(false);
    expect(iso(ticks.at)).toEqual([
      '2026-12-01T10:30:00.000Z',
      '2026-12-01T11:30:00.000Z',
      '2026-12-01T12:30:00.000Z',
    ]);
  });
});
