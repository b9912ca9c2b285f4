import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reservation } from '#core/model.ts';
import { LocalRuntime } from '#local/runtime.ts';
import { reservation } from '../adapters/aws/fixtures.ts';
import { hostApiClient } from '../support/host-api-client.ts';

// GET /v1/reservations and GET /v1/reservations/{id} at the edge (R8.1, R9.2, R9.3).

const ME = 'host-me';
const OTHER = 'host-other';
const day = (d: number) => Date.UTC(2026, 6, d);

describe('host API: reservations', () => {
  let runtime: LocalRuntime;
  let call: ReturnType<typeof hostApiClient>;

  const stay = (hostId: string, id: string, from: number, until: number): Reservation => {
    const r = reservation(hostId, id, 'villa', '482913');
    return { ...r, code: { ...r.code, activeFrom: day(from), activeUntil: day(until) } };
  };

  beforeAll(async () => {
    runtime = await LocalRuntime.start();
    call = hostApiClient(runtime);
    for (const host of [ME, OTHER]) {
      await call(host, 'POST', '/v1/properties', { id: 'villa', name: 'Villa', timeZone: 'UTC' });
      for (const [id, from, until] of [
        ['r1', 1, 3],
        ['r2', 4, 6],
        ['r3', 7, 9],
      ] as const) {
        await runtime.deps.reservations.createReservation(stay(host, `${host}-${id}`, from, until));
      }
    }
    const backup = stay(ME, `${ME}-backup`, 20, 22);
    backup.guestMessages = [
      { messageId: 'm1', kind: 'code', at: day(20), pin: '5555', isBackup: true, sent: ['sms'] },
    ];
    await runtime.deps.reservations.createReservation(backup);
  });
  afterAll(() => runtime.stop());

  describe('GET /v1/reservations', () => {
    it('lists the property’s stays overlapping the range, page by page with an opaque cursor', async () => {
      const first = await call(
        ME,
        'GET',
        '/v1/reservations?propertyId=villa&from=2026-07-02T00:00:00Z&limit=2',
      );
      expect(first.status).toBe(200);
      expect(first.body.reservations.map((r: Reservation) => r.reservationId)).toEqual([
        `${ME}-r1`,
        `${ME}-r2`,
      ]);
      expect(typeof first.body.cursor).toBe('string');

      const next = await call(
        ME,
        'GET',
        `/v1/reservations?propertyId=villa&from=2026-07-02T00:00:00Z&limit=2&cursor=${first.body.cursor}`,
      );
      expect(next.body.reservations.map((r: Reservation) => r.reservationId)).toEqual([
        `${ME}-r3`,
        `${ME}-backup`,
      ]);
    });

    it('filters by [from, to) and ends with a null cursor', async () => {
      const reply = await call(
        ME,
        'GET',
        '/v1/reservations?propertyId=villa&from=2026-07-05T00:00:00Z&to=2026-07-08T00:00:00Z',
      );
      expect(reply.body).toMatchObject({ cursor: null });
      expect(reply.body.reservations.map((r: Reservation) => r.reservationId)).toEqual([
        `${ME}-r2`,
        `${ME}-r3`,
      ]);
    });

    it('never lists a PIN: that is for the access view alone (R9.4)', async () => {
      const reply = await call(ME, 'GET', '/v1/reservations?propertyId=villa');
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).not.toContain('482913');
    });

    it.each([
      ['', 'propertyId'],
      ['propertyId=villa&limit=0', 'limit'],
      ['propertyId=villa&limit=many', 'limit'],
      ['propertyId=villa&from=yesterday', 'from'],
      ['propertyId=villa&from=2026-07-05T00:00:00Z&to=2026-07-01T00:00:00Z', 'to'],
      ['propertyId=villa&cursor=bm90LWEtY3Vyc29y', 'cursor'],
      ['propertyId=../x', 'propertyId'],
    ])('answers 400 naming the field for %s (R9.2)', async (query, field) => {
      const reply = await call(ME, 'GET', `/v1/reservations?${query}`);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({
        error: { code: 'invalid_request', field },
        correlationId: expect.any(String),
      });
    });

    it('answers another host’s property exactly as a missing one: an empty list (R9.3)', async () => {
      const theirs = await call(ME, 'GET', '/v1/reservations?propertyId=villa');
      const mine = theirs.body.reservations.map((r: Reservation) => r.reservationId);
      expect(mine.every((id: string) => id.startsWith(ME))).toBe(true);
      const missing = await call(ME, 'GET', '/v1/reservations?propertyId=no-such-villa');
      expect(missing.body).toEqual({ reservations: [], cursor: null });
    });
  });

  describe('GET /v1/reservations/{reservationId}', () => {
    it('shows the code, its status per lock, backup, communication and timeline (R8.1)', async () => {
      const reply = await call(ME, 'GET', `/v1/reservations/${ME}-backup`);
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({
        reservationId: `${ME}-backup`,
        code: {
          pin: '482913',
          name: 'Zoë HMABC123',
          locks: [{ lockId: 'front', status: 'set', attempts: 2 }],
        },
        backup: { issued: true, at: new Date(day(20)).toISOString() },
        messages: [{ kind: 'code', isBackup: true, sent: ['sms'] }],
        timeline: [{ event: 'accepted' }],
      });
      expect(JSON.stringify(reply.body.messages)).not.toContain('5555');
    });

    it('says no backup was issued when none was', async () => {
      const reply = await call(ME, 'GET', `/v1/reservations/${ME}-r1`);
      expect(reply.body.backup).toEqual({ issued: false });
    });

    it('answers 404 for another host’s reservation exactly as for a missing one (R9.3)', async () => {
      const theirs = await call(ME, 'GET', `/v1/reservations/${OTHER}-r1`);
      const missing = await call(ME, 'GET', '/v1/reservations/no-such-stay');
      expect(theirs.status).toBe(404);
      expect(theirs.body.error).toEqual(missing.body.error);
      expect(theirs.body.error).toEqual({
        code: 'not_found',
        message: 'reservation not found',
        field: 'reservationId',
      });
    });

    it('answers 400 naming reservationId for a malformed id (R9.2)', async () => {
      const reply = await call(ME, 'GET', '/v1/reservations/bad%20id');
      expect(reply.status).toBe(400);
      expect(reply.body.error.field).toBe('reservationId');
    });
  });

  describe('PATCH /v1/properties/{propertyId}', () => {
    it('answers 404 for another host’s property and leaves it as it was (R9.3)', async () => {
      const reply = await call(ME, 'PATCH', '/v1/properties/no-such-villa', { name: 'Mine now' });
      expect(reply.status).toBe(404);
      expect(reply.body.error).toEqual({
        code: 'not_found',
        message: 'property not found',
        field: 'propertyId',
      });
    });

    it('sets the URL the access_method webhooks go to (R6.5)', async () => {
      const reply = await call(ME, 'PATCH', '/v1/properties/villa', {
        outboundWebhookUrl: 'https://hooks.example.com/a',
      });
      expect(reply.status).toBe(200);
      expect(reply.body.settings.outboundWebhookUrl).toBe('https://hooks.example.com/a');
    });

    it.each([
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ bufferBeforeMinutes: -5 }, 'bufferBeforeMinutes'],
      [{ codeSource: 'astrology' }, 'codeSource'],
      [{ webhookUrl: 'https://example.com' }, 'webhookUrl'],
      [{ outboundWebhookUrl: 'ftp://example.com' }, 'outboundWebhookUrl'],
    ])('answers 400 naming the field for %j (R9.2)', async (body, field) => {
      const reply = await call(ME, 'PATCH', '/v1/properties/villa', body);
      expect(reply.status).toBe(400);
      expect(reply.body.error.field).toBe(field);
    });
  });
});
