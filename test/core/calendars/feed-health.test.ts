import { describe, expect, it } from 'vitest';
import { checkFeedUrl } from '#core/calendars/add-feed.ts';
import type { FeedHealth } from '#core/calendars/feed.ts';
import { ALERT_AFTER_MS, afterRead, alertDue } from '#core/calendars/feed-health.ts';
import { maskFeedUrl } from '#core/calendars/list-feeds.ts';
import { ValidationError } from '#core/errors.ts';

const T0 = Date.parse('2026-05-01T12:00:00Z');
const MINUTE = 60_000;
const fresh = (): FeedHealth => ({ reads: 0, failedReads: 0, staysSeen: 0 });
const failed = { ok: false as const, problem: 'http_status 503' };

describe('R10.5 a feed’s health', () => {
  it('counts reads and failed reads, and remembers the last error and the start of the failing run', () => {
    // Arrange
    let health = afterRead(fresh(), { ok: true, staysSeen: 3 }, T0);
    // Act
    health = afterRead(health, failed, T0 + 15 * MINUTE);
    health = afterRead(health, failed, T0 + 30 * MINUTE);
    // Assert
    expect(health).toMatchObject({
      reads: 3,
      failedReads: 2,
      staysSeen: 3,
      failingSince: T0 + 15 * MINUTE,
      lastError: { at: T0 + 30 * MINUTE, problem: 'http_status 503' },
    });
  });

  it('is due for an alert only after 6 hours of failures without a break, and only once per run', () => {
    // Arrange
    const failing = afterRead(fresh(), failed, T0);
    // Act and assert
    expect(alertDue(failing, T0 + ALERT_AFTER_MS - 1)).toBe(false);
    expect(alertDue(failing, T0 + ALERT_AFTER_MS)).toBe(true);
    expect(alertDue({ ...failing, alertedAt: T0 + ALERT_AFTER_MS }, T0 + ALERT_AFTER_MS + MINUTE)).toBe(
      false,
    );
  });

  it('starts a new run after a good read, which may alert again', () => {
    // Arrange
    const alerted = { ...afterRead(fresh(), failed, T0), alertedAt: T0 + ALERT_AFTER_MS };
    // Act
    const recovered = afterRead(alerted, { ok: true, staysSeen: 1 }, T0 + 7 * 60 * MINUTE);
    const failingAgain = afterRead(recovered, failed, T0 + 8 * 60 * MINUTE);
    // Assert
    expect(recovered.failingSince).toBeUndefined();
    expect(alertDue(failingAgain, T0 + 14 * 60 * MINUTE)).toBe(true);
  });
});

describe('R10.7 the feed URL is a secret', () => {
  it('is shown as its scheme and host only', () => {
    expect(maskFeedUrl('https://www.airbnb.com/calendar/ical/123.ics?s=secret')).toBe(
      'https://www.airbnb.com/…',
    );
  });

  it('is refused when it is no absolute http(s) URL, without quoting it', () => {
    for (const url of ['not a url', 'ftp://example.com/a.ics', 'https://user:pw@example.com/a.ics']) {
      expect(() => checkFeedUrl(url)).toThrow(ValidationError);
      try {
        checkFeedUrl(url);
      } catch (error) {
        expect((error as Error).message).not.toContain(url);
      }
    }
  });
});
