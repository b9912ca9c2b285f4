import { describe, expect, it } from 'vitest';
import { CANCEL_AFTER_MS } from '#core/calendars/diff-reads.ts';
import { fallbackConfirmationCode, feedReservationId } from '#core/calendars/feed-state.ts';
import { feedOf, MINUTE, readOf, stay, summary } from './diff-support.ts';
import { at } from './fixtures.ts';

const NOW = at('2026-06-01T12:00:00Z');
const july = stay('july@airbnb.com', '2026-07-10', '2026-07-14', {
  confirmationCode: 'HM8KQZ2WXR',
  phoneLast4: '4417',
});
const august = stay('august@airbnb.com', '2026-08-01', '2026-08-05');

describe('R10.2 a new UID is accepted as a reservation of the property, with the feed’s channel', () => {
  it('accepts each stay once, with an id from the feed and the UID, in the form the use cases take', () => {
    const feed = feedOf();
    const first = feed.read(readOf([august, july]), NOW);
    expect(summary(first)).toEqual(['accept july@airbnb.com', 'accept august@airbnb.com']);
    expect(first.commands[0]).toEqual({
      kind: 'accept',
      uid: 'july@airbnb.com',
      reservation: {
        reservationId: feedReservationId('feed-1', 'july@airbnb.com'),
        propertyId: 'prop-1',
        channel: 'airbnb',
        confirmationCode: 'HM8KQZ2WXR',
        guest: { name: '', phone: '4417' },
        checkIn: '2026-07-10T16:00',
        checkOut: '2026-07-14T11:00',
      },
    });
    expect(first.counts).toEqual({ added: 2, changed: 0, cancelled: 0, unchanged: 0, ignored: 0 });
    expect(summary(feed.read(readOf([july, august]), NOW + 15 * MINUTE))).toEqual([]);
    expect(feed.state.lastGoodReadAt).toBe(NOW + 15 * MINUTE);
  });

  it('derives ids that stay the same on every read, and a code where the feed gives none', () => {
    const id = feedReservationId('feed-1', 'august@airbnb.com');
    expect(id).toMatch(/^ical-[0-9a-f]{40}$/);
    expect(feedReservationId('feed-2', 'august@airbnb.com')).not.toBe(id);
    const [accept] = feedOf().read(readOf([august]), NOW).commands;
    expect(accept).toMatchObject({ reservation: { confirmationCode: fallbackConfirmationCode(id) } });
    expect(fallbackConfirmationCode(id)).toMatch(/^[0-9A-F]{8}$/);
  });

  it('gives PMS stays the direct channel', () => {
    const [accept] = feedOf('other').read(readOf([august]), NOW).commands;
    expect(accept).toMatchObject({ reservation: { channel: 'direct' } });
  });

  it('ignores stays already over and counts blocks as ignored', () => {
    const past = stay('past@airbnb.com', '2026-05-20', '2026-05-25');
    const result = feedOf().read(readOf([past, july], { blocks: 3 }), NOW);
    expect(summary(result)).toEqual(['accept july@airbnb.com']);
    expect(result.counts).toEqual({ added: 1, changed: 0, cancelled: 0, unchanged: 0, ignored: 4 });
  });

  it('accepts a stay under way that it sees for the first time: the guest is in the house', () => {
    const current = stay('now@airbnb.com', '2026-05-30', '2026-06-03');
    expect(summary(feedOf().read(readOf([current]), NOW))).toEqual(['accept now@airbnb.com']);
  });

  it('orders the commands by check-in, then by UID', () => {
    const twin = stay('a-twin@airbnb.com', '2026-07-10', '2026-07-12');
    expect(summary(feedOf().read(readOf([august, july, twin]), NOW))).toEqual([
      'accept a-twin@airbnb.com',
      'accept july@airbnb.com',
      'accept august@airbnb.com',
    ]);
  });
});

describe('R10.4 a known UID with new dates or guest is a change (R7.1)', () => {
  it('modifies the same reservation when the dates move, as Airbnb keeps the UID', () => {
    const feed = feedOf();
    feed.read(readOf([july]), NOW);
    const moved = stay('july@airbnb.com', '2026-07-11', '2026-07-15', {
      confirmationCode: 'HM8KQZ2WXR',
      phoneLast4: '4417',
    });
    const result = feed.read(readOf([moved]), NOW + 15 * MINUTE);
    expect(result.commands).toEqual([
      {
        kind: 'modify',
        uid: 'july@airbnb.com',
        reservation: expect.objectContaining({
          reservationId: feedReservationId('feed-1', 'july@airbnb.com'),
          checkIn: '2026-07-11T16:00',
          checkOut: '2026-07-15T11:00',
        }),
      },
    ]);
    expect(result.counts.changed).toBe(1);
  });

  it('modifies when only the guest details change', () => {
    const feed = feedOf('vrbo');
    feed.read(readOf([stay('v', '2026-07-10', '2026-07-14', { guestName: 'Ines Marlow' })]), NOW);
    const renamed = stay('v', '2026-07-10', '2026-07-14', { guestName: 'Ines Marlow-Reyes' });
    expect(summary(feed.read(readOf([renamed]), NOW + MINUTE))).toEqual(['modify v']);
  });
});

describe('R10.4 a UID is cancelled only after two good reads at least 30 minutes apart lack it', () => {
  it('waits for the second read 30 minutes after the first that lacked it', () => {
    const feed = feedOf();
    feed.read(readOf([july, august]), NOW);
    const once = feed.read(readOf([august]), NOW + 15 * MINUTE);
    expect(summary(once)).toEqual([]);
    expect(once.counts.unchanged).toBe(2);
    expect(feed.state.stays.find((k) => k.uid === july.uid)?.missingFrom).toEqual([NOW + 15 * MINUTE]);
    expect(summary(feed.read(readOf([august]), NOW + 30 * MINUTE))).toEqual([]);
    const gone = feed.read(readOf([august]), NOW + 15 * MINUTE + CANCEL_AFTER_MS);
    expect(gone.commands).toEqual([
      {
        kind: 'cancel',
        uid: july.uid,
        reservation: expect.objectContaining({
          reservationId: feedReservationId('feed-1', july.uid),
          confirmationCode: 'HM8KQZ2WXR',
          checkIn: '2026-07-10T16:00',
        }),
      },
    ]);
    expect(gone.counts).toEqual({ added: 0, changed: 0, cancelled: 1, unchanged: 1, ignored: 0 });
    expect(feed.state.stays.map((k) => k.uid)).toEqual([august.uid]);
  });

  it('starts over when the UID comes back between the reads', () => {
    const feed = feedOf();
    feed.read(readOf([july, august]), NOW);
    feed.read(readOf([august]), NOW + 15 * MINUTE);
    feed.read(readOf([july, august]), NOW + 30 * MINUTE);
    expect(summary(feed.read(readOf([august]), NOW + 60 * MINUTE))).toEqual([]);
  });

  it('never cancels a stay that has begun: channels drop current and past stays', () => {
    const feed = feedOf();
    feed.read(readOf([july, august]), NOW);
    const during = at('2026-07-11T12:00:00Z');
    const lacking = [during, during + 45 * MINUTE, during + 2 * 24 * 60 * MINUTE];
    const results = lacking.map((t) => feed.read(readOf([august]), t));
    expect(results.flatMap(summary)).toEqual([]);
    expect(results[1]?.counts.ignored).toBe(1);
    expect(feed.state.stays.some((k) => k.uid === july.uid)).toBe(true);
    feed.read(readOf([august]), at('2026-07-15T12:00:00Z'));
    expect(feed.state.stays.some((k) => k.uid === july.uid)).toBe(false);
  });

  it('holds a stay whose VEVENT could not be read: it is neither changed nor missing', () => {
    const feed = feedOf();
    feed.read(readOf([july, august]), NOW);
    const held = readOf([august], { heldUids: [july.uid] });
    feed.read(held, NOW + 15 * MINUTE);
    expect(summary(feed.read(held, NOW + 60 * MINUTE))).toEqual([]);
    expect(feed.state.stays.find((k) => k.uid === july.uid)?.missingFrom).toEqual([]);
  });

  it('accepts a cancelled UID that comes back as a new reservation, under a new id', () => {
    const feed = feedOf();
    feed.read(readOf([july, august]), NOW);
    feed.read(readOf([august]), NOW + 15 * MINUTE);
    feed.read(readOf([august]), NOW + 45 * MINUTE);
    const back = feed.read(readOf([july, august]), NOW + 60 * MINUTE);
    expect(back.commands).toEqual([
      expect.objectContaining({
        kind: 'accept',
        reservation: expect.objectContaining({ reservationId: feedReservationId('feed-1', july.uid, 2) }),
      }),
    ]);
    feed.read(readOf([august]), NOW + 75 * MINUTE);
    feed.read(readOf([august]), NOW + 105 * MINUTE);
    expect(feed.read(readOf([july, august]), NOW + 120 * MINUTE).commands).toEqual([
      expect.objectContaining({
        reservation: expect.objectContaining({ reservationId: feedReservationId('feed-1', july.uid, 3) }),
      }),
    ]);
  });

  it('remembers the generation while a returned UID lives on past its first stay’s dates', () => {
    const feed = feedOf();
    const lacking = (t: number) => feed.read(readOf([august]), t);
    feed.read(readOf([july, august]), NOW);
    lacking(NOW + 15 * MINUTE);
    lacking(NOW + 45 * MINUTE);
    const later = stay(july.uid, '2026-07-20', '2026-07-25');
    feed.read(readOf([later, august]), NOW + 60 * MINUTE);
    const afterFirstStay = at('2026-07-16T12:00:00Z');
    feed.read(readOf([later, august]), afterFirstStay);
    lacking(afterFirstStay + 15 * MINUTE);
    expect(summary(lacking(afterFirstStay + 45 * MINUTE))).toEqual([`cancel ${july.uid}`]);
    const [back] = feed.read(readOf([later, august]), afterFirstStay + 60 * MINUTE).commands;
    expect(back).toMatchObject({ reservation: { reservationId: feedReservationId('feed-1', july.uid, 3) } });
  });

  it('treats a stay another feed holds (R10.6) as missing from this one', () => {
    const feed = feedOf('booking');
    feed.read(readOf([july]), NOW);
    const merged = readOf([], { mergedAway: [july.uid] });
    expect(feed.read(merged, NOW + 15 * MINUTE).suspicious).toBe(false);
    expect(summary(feed.read(merged, NOW + 45 * MINUTE))).toEqual([`cancel ${july.uid}`]);
  });
});

describe('R10.4, R10.9 a read with no stays while the last good read listed future ones changes nothing', () => {
  it('keeps the last good read authoritative, however often it comes', () => {
    const feed = feedOf();
    feed.read(readOf([july, august]), NOW);
    const before = feed.state;
    for (const t of [NOW + 15 * MINUTE, NOW + 60 * MINUTE, NOW + 600 * MINUTE]) {
      const empty = feed.read(readOf([], { blocks: 2 }), t);
      expect(empty).toMatchObject({ commands: [], suspicious: true, counts: { ignored: 2 } });
    }
    expect(feed.state).toBe(before);
    expect(feed.state.lastGoodReadAt).toBe(NOW);
  });

  it('takes a read with only stays already over as empty too', () => {
    const feed = feedOf();
    feed.read(readOf([july]), NOW);
    const over = stay('over@airbnb.com', '2026-05-20', '2026-05-25');
    const result = feed.read(readOf([over]), NOW + 15 * MINUTE);
    expect(result).toMatchObject({ suspicious: true, commands: [], counts: { ignored: 1 } });
  });

  it('takes an empty read as it is when the last good read listed only stays under way', () => {
    const feed = feedOf();
    const current = stay('now@airbnb.com', '2026-05-30', '2026-06-03');
    feed.read(readOf([current]), NOW);
    expect(feed.read(readOf([]), NOW + 15 * MINUTE).suspicious).toBe(false);
  });
});
