import { describe, expect, it } from 'vitest';
import { codeProblems, decideCodeMessage, locksWithoutCode } from '#core/messages/code-message-rule.ts';
import type { GuestMessageRecord, LockCodeState, Reservation } from '#core/model.ts';

const AT = Date.parse('2026-12-04T12:00:00Z');

const lock = (lockId: string, status: LockCodeState['status'] = 'set'): LockCodeState => ({
  lockId,
  status,
  attemptedAt: [],
});

const reservation = (overrides: Partial<Reservation> = {}): Reservation => ({
  hostId: 'h',
  reservationId: 'r1',
  propertyId: 'p1',
  channel: 'airbnb',
  confirmationCode: 'HM1',
  guest: { name: 'Ana' },
  checkIn: AT,
  checkOut: AT + 86_400_000,
  status: 'accepted',
  version: 3,
  bookedAt: AT - 86_400_000,
  code: { pin: '482913', name: 'Ana', activeFrom: AT, activeUntil: AT + 86_400_000, locks: [lock('front')] },
  timeline: [],
  ...overrides,
});

const shortcodeMessage = (pin: string, sent = ['airbnb']): GuestMessageRecord => ({
  messageId: 'host-1',
  kind: 'host',
  at: AT - 3_600_000,
  from: 'h2',
  pin,
  sent,
});

const decide = (r: Reservation, offline: string[] = []) =>
  decideCodeMessage(r, r.code.pin, codeProblems(r, offline, false));

describe('R5.1 whether the guest gets the code message', () => {
  it('sends it when no other message carried the code', () => {
    expect(decide(reservation())).toEqual({ send: true, why: 'the code was not sent in another message' });
  });

  it('sends no message when a shortcode message already gave the guest this code and nothing went wrong', () => {
    const r = reservation({ guestMessages: [shortcodeMessage('482913')] });
    expect(decide(r)).toEqual({
      send: false,
      why: 'the code went out in a host message at 2026-12-04T11:00:00.000Z',
    });
  });

  it('sends it when the shortcode message carried an earlier PIN', () => {
    expect(decide(reservation({ guestMessages: [shortcodeMessage('111999')] })).send).toBe(true);
  });

  it('sends it when the shortcode message reached no route', () => {
    expect(decide(reservation({ guestMessages: [shortcodeMessage('482913', [])] })).send).toBe(true);
  });

  it('sends it after a shortcode message when an attempt was rejected, even if the code is set now', () => {
    const r = reservation({
      guestMessages: [shortcodeMessage('482913')],
      timeline: [{ at: AT, event: 'code.attempt_failed', lockId: 'front', detail: 'failed_to_set' }],
    });
    expect(decide(r)).toEqual({ send: true, why: 'an attempt failed on lock front' });
  });

  it('sends it after a shortcode message when a lock is offline', () => {
    const r = reservation({ guestMessages: [shortcodeMessage('482913')] });
    expect(decide(r, ['front', 'someone-elses-lock'])).toEqual({ send: true, why: 'lock front is offline' });
  });

  it('sends it after a shortcode message when a backup code was issued', () => {
    const r = reservation({ guestMessages: [shortcodeMessage('482913')] });
    expect(decideCodeMessage(r, '482913', codeProblems(r, [], true)).send).toBe(true);
  });
});

describe('R8.2 a code that failed at message time', () => {
  it('is one whose attempt failed, or whose lock is offline without it', () => {
    const r = reservation({
      code: {
        ...reservation().code,
        locks: [lock('a', 'failed'), lock('b', 'requested'), lock('c', 'set'), lock('d', 'pending')],
      },
    });
    expect(locksWithoutCode(r, [])).toEqual(['a']);
    expect(locksWithoutCode(r, ['b', 'c'])).toEqual(['a', 'b']);
  });
});
