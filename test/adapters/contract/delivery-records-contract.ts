import { describe, expect, it } from 'vitest';
import { DELIVERY_RECORD_DAYS, STALE_CLAIM_MS } from '#adapters/common/delivery-record-lifetime.ts';
import type { DeliveryRecords } from '#ports/delivery-records.ts';
import { freshPerTest, type Start } from './harness.ts';

// R9.1: one record per webhook delivery id; the clock is the argument each call gets.

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T12:00:00Z');
/** The instant the record written at NOW expires: its TTL is in whole seconds. */
const EXPIRY = NOW + DELIVERY_RECORD_DAYS * DAY;
const answer = {
  statusCode: 201,
  headers: { 'content-type': 'application/json' },
  body: '{"outcome":"accepted"}',
};

/** Registers the delivery records contract against the records `start` makes, fresh for each test. */
export function deliveryRecordsContract(adapter: string, start: Start<DeliveryRecords>): void {
  describe(`${adapter}: R9.1 webhook delivery records`, () => {
    const records = freshPerTest(start);

    async function answered(deliveryId = 'evt-1') {
      await records().claim('channel', deliveryId, NOW);
      await records().complete('channel', deliveryId, answer, NOW);
    }

    it('claims a new delivery id once; a redelivery while it runs is told it is in progress', async () => {
      const first = await records().claim('channel', 'evt-1', NOW);
      const second = await records().claim('channel', 'evt-1', NOW + 1000);

      expect([first, second]).toEqual([{ kind: 'claimed' }, { kind: 'in_progress' }]);
    });

    it('lets exactly one of many parallel deliveries of one id claim it', async () => {
      const claims = Array.from({ length: 8 }, () => () => records().claim('locks', 'evt-1', NOW));

      const results = await Promise.all(claims.map((claim) => claim()));

      expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'in_progress')).toHaveLength(7);
    });

    it('replays the first answer to a redelivery within the record’s lifetime', async () => {
      await answered();

      expect(await records().claim('channel', 'evt-1', NOW + DAY)).toEqual({
        kind: 'replay',
        response: answer,
      });
    });

    it('replays a copy: changing a replayed answer changes nothing kept', async () => {
      await answered();
      const replay = await records().claim('channel', 'evt-1', NOW);
      if (replay.kind !== 'replay') throw new Error(`expected a replay, got ${replay.kind}`);
      replay.response.body = 'changed';

      expect(await records().claim('channel', 'evt-1', NOW)).toEqual({ kind: 'replay', response: answer });
    });

    it('treats a record as absent from the second after it expires, as DynamoDB’s TTL would', async () => {
      await answered();

      const lastSecond = await records().claim('channel', 'evt-1', EXPIRY + 999);
      const expired = await records().claim('channel', 'evt-1', EXPIRY + 1000);

      expect(lastSecond).toEqual({ kind: 'replay', response: answer });
      expect(expired).toEqual({ kind: 'claimed' });
    });

    it(`takes over a claim abandoned for more than ${STALE_CLAIM_MS / 60_000} minutes, and only then`, async () => {
      await records().claim('channel', 'evt-1', NOW);

      const running = await records().claim('channel', 'evt-1', NOW + STALE_CLAIM_MS);
      const abandoned = await records().claim('channel', 'evt-1', NOW + STALE_CLAIM_MS + 1);

      expect([running, abandoned]).toEqual([{ kind: 'in_progress' }, { kind: 'claimed' }]);
    });

    it('never takes over a completed record as abandoned', async () => {
      await answered();

      expect(await records().claim('channel', 'evt-1', NOW + STALE_CLAIM_MS + 1)).toMatchObject({
        kind: 'replay',
      });
    });

    it('gives a released id back, so the sender’s retry runs again', async () => {
      await records().claim('channel', 'evt-1', NOW);

      await records().release('channel', 'evt-1');

      expect(await records().claim('channel', 'evt-1', NOW + 1000)).toEqual({ kind: 'claimed' });
    });

    it('keeps each sender’s delivery ids apart', async () => {
      await answered();

      expect(await records().claim('locks', 'evt-1', NOW)).toEqual({ kind: 'claimed' });
      expect(await records().claim('channel', 'evt-1', NOW)).toMatchObject({ kind: 'replay' });
    });
  });
}
