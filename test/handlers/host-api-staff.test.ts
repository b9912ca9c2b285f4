import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOST, LockWorld, MINUTE } from '../core/lock-world.ts';
import { hostApiClient } from '../support/host-api-client.ts';

// The staff routes at the edge (docs/staff.md): bad input is refused by name with nothing written
// (R9.2), another host's ids are unknown (R9.3), and the codes follow the staff member (R12).

const OTHER = 'host-other';
const T0 = Date.parse('2026-12-01T00:00:00Z');
const CREW = {
  id: 'crew',
  name: 'Crew',
  email: 'crew@example.com',
  propertyIds: ['villa'],
  schedule: 'turnovers',
};

describe('host API: staff (R12)', () => {
  let world: LockWorld;
  let other: ReturnType<typeof hostApiClient>;
  /** Everything a refused request could have written. */
  const written = async () => ({
    staff: (await world.api('GET', '/v1/staff')).body,
    property: (await world.api('GET', '/v1/properties/villa')).body,
    pins: world.pinsOn('front'),
  });

  beforeEach(async () => {
    world = await LockWorld.start(T0);
    await world.property('villa');
    await world.lock('front');
    await world.match('villa', 'front');
    other = hostApiClient(world.runtime);
    await other(OTHER, 'POST', '/v1/properties', { id: 'their-villa', name: 'Theirs', timeZone: 'UTC' });
    const theirs = { ...CREW, id: 'their-crew', propertyIds: ['their-villa'] };
    expect((await other(OTHER, 'POST', '/v1/staff', theirs)).status).toBe(201);
  });
  afterEach(() => world.stop());

  describe('R9.2 bad input: 4xx naming the field, nothing written', () => {
    const long = 'x'.repeat(81);
    const cases: [string, Record<string, unknown>, number, string][] = [
      ['an empty name', { name: '  ' }, 400, 'name'],
      ['a name over 80 characters', { name: long }, 400, 'name'],
      ['an email that is none', { email: 'crew-at-example' }, 400, 'email'],
      ['a phone without its country code', { phone: '555 1234' }, 400, 'phone'],
      ['no property', { propertyIds: [] }, 400, 'propertyIds'],
      ['a property twice', { propertyIds: ['villa', 'villa'] }, 400, 'propertyIds'],
      ['51 properties', { propertyIds: Array.from({ length: 51 }, (_, i) => `p${i}`) }, 400, 'propertyIds'],
      ['an unknown property', { propertyIds: ['villa', 'nowhere'] }, 404, 'propertyIds[1]'],
      ['another host’s property (R9.3)', { propertyIds: ['their-villa'] }, 404, 'propertyIds[0]'],
      ['an unknown schedule', { schedule: 'weekends' }, 400, 'schedule'],
      [
        'hoursWhenNoNextStay with `always`',
        { schedule: 'always', hoursWhenNoNextStay: 4 },
        400,
        'hoursWhenNoNextStay',
      ],
      ['hoursWhenNoNextStay of 0', { hoursWhenNoNextStay: 0 }, 400, 'hoursWhenNoNextStay'],
      ['hoursWhenNoNextStay of 73', { hoursWhenNoNextStay: 73 }, 400, 'hoursWhenNoNextStay'],
      ['hoursWhenNoNextStay of 1.5', { hoursWhenNoNextStay: 1.5 }, 400, 'hoursWhenNoNextStay'],
      ['a field the API does not know', { pin: '1234' }, 400, 'pin'],
    ];

    it.each(cases)('POST /v1/staff refuses %s', async (_, change, status, field) => {
      const before = await written();
      const reply = await world.api('POST', '/v1/staff', { ...CREW, ...change });
      expect(reply.status).toBe(status);
      expect(reply.body.error?.field).toBe(field);
      expect(await written()).toEqual(before);
    });

    it.each(cases)('PATCH /v1/staff/{staffId} refuses %s', async (_, change, status, field) => {
      expect((await world.api('POST', '/v1/staff', CREW)).status).toBe(201);
      const before = await written();
      const reply = await world.api('PATCH', '/v1/staff/crew', change);
      expect(reply.status).toBe(status);
      expect(reply.body.error?.field).toBe(field);
      expect(await written()).toEqual(before);
    });

    it('PATCH refuses hoursWhenNoNextStay for a staff member on `always`', async () => {
      await world.api('POST', '/v1/staff', { ...CREW, schedule: 'always' });
      const before = await written();
      const reply = await world.api('PATCH', '/v1/staff/crew', { hoursWhenNoNextStay: 5 });
      expect(reply.status).toBe(400);
      expect(reply.body.error?.field).toBe('hoursWhenNoNextStay');
      expect(await written()).toEqual(before);
    });
  });

  describe('R9.3 another host’s staff is unknown', () => {
    it.each([
      ['GET', undefined],
      ['PATCH', { name: 'Taken over' }],
      ['DELETE', undefined],
    ])('%s /v1/staff/their-crew answers 404 naming staffId and changes nothing', async (method, body) => {
      const reply = await world.api(method, '/v1/staff/their-crew', body);
      expect(reply.status).toBe(404);
      expect(reply.body.error?.field).toBe('staffId');
      const theirs = await other(OTHER, 'GET', '/v1/staff/their-crew');
      expect(theirs.body).toMatchObject({ staffId: 'their-crew', name: 'Crew' });
    });

    it('lists only the caller’s staff', async () => {
      await world.api('POST', '/v1/staff', CREW);
      const list = await world.api('GET', '/v1/staff');
      expect(list.body.staff.map((s: { staffId: string }) => s.staffId)).toEqual(['crew']);
    });
  });

  describe('R12 codes follow the staff member', () => {
    it('creates a code for the turnover after a stay, shows its PIN only in the staff member’s view (R12.1, R9.4)', async () => {
      await world.book('s1', 'villa', '2026-12-02T16:00:00', '2026-12-04T11:00:00');
      const created = await world.api('POST', '/v1/staff', { ...CREW, hoursWhenNoNextStay: 6 });
      expect(created.status).toBe(201);
      expect(created.body.codes).toHaveLength(1);
      expect(created.body.codes[0]).toMatchObject({
        propertyId: 'villa',
        activeFrom: '2026-12-04T11:00:00.000Z',
        activeUntil: '2026-12-04T17:00:00.000Z',
        status: 'scheduled',
        locks: [{ lockId: 'front', status: 'pending' }],
      });
      expect(created.body.codes[0].pin).toMatch(/^\d{4,8}$/);
      const list = await world.api('GET', '/v1/staff');
      expect(list.body.staff[0].nextCode).toEqual({
        propertyId: 'villa',
        activeFrom: '2026-12-04T11:00:00.000Z',
        activeUntil: '2026-12-04T17:00:00.000Z',
        status: 'scheduled',
      });
      expect(JSON.stringify(list.body)).not.toContain(created.body.codes[0].pin);
    });

    it('leaves staff codes out of the guests’ reservation list', async () => {
      await world.book('s1', 'villa', '2026-12-02T16:00:00', '2026-12-04T11:00:00');
      await world.api('POST', '/v1/staff', CREW);
      const list = await hostApiClient(world.runtime)(HOST, 'GET', '/v1/reservations?propertyId=villa');
      expect(list.body.reservations.map((r: { reservationId: string }) => r.reservationId)).toEqual(['s1']);
    });

    it('moves the code when PATCH changes hoursWhenNoNextStay (R12.2)', async () => {
      await world.book('s1', 'villa', '2026-12-02T16:00:00', '2026-12-04T11:00:00');
      await world.api('POST', '/v1/staff', CREW);
      const patched = await world.api('PATCH', '/v1/staff/crew', { hoursWhenNoNextStay: 2 });
      expect(patched.status).toBe(200);
      expect(patched.body.hoursWhenNoNextStay).toBe(2);
      expect(patched.body.codes[0].activeUntil).toBe('2026-12-04T13:00:00.000Z');
    });

    it('drops hoursWhenNoNextStay when PATCH switches to `always`', async () => {
      await world.api('POST', '/v1/staff', { ...CREW, hoursWhenNoNextStay: 6 });
      const patched = await world.api('PATCH', '/v1/staff/crew', { schedule: 'always' });
      expect(patched.status).toBe(200);
      expect(patched.body.hoursWhenNoNextStay).toBeUndefined();
      expect(patched.body.codes[0]).toMatchObject({
        activeFrom: new Date(T0).toISOString(),
        status: 'active',
      });
    });

    it('takes every code off the locks within minutes of DELETE (R12.2)', async () => {
      const created = await world.api('POST', '/v1/staff', { ...CREW, schedule: 'always' });
      await world.runUntil(T0 + 5 * MINUTE);
      const pin = created.body.codes[0].pin;
      expect(world.pinsOn('front')).toContain(pin);
      const removed = await world.api('DELETE', '/v1/staff/crew');
      expect(removed.status).toBe(204);
      await world.runUntil(Date.now() + 2 * MINUTE);
      expect(world.pinsOn('front')).not.toContain(pin);
      expect((await world.api('GET', '/v1/staff/crew')).status).toBe(404);
      world.expectClean();
    });

    it('tells a staff member with no email or phone through the host, to pass on (R12, R10.8)', async () => {
      const { email: _, ...noContact } = CREW;
      const created = await world.api('POST', '/v1/staff', { ...noContact, schedule: 'always' });
      await world.runUntil(T0 + 5 * MINUTE);
      const forwarded = world.runtime.outbox.entries.filter(
        (e) => e.via === 'alert' && e.message.kind === 'code_for_guest',
      );
      expect(forwarded).toHaveLength(1);
      const text = forwarded[0]?.via === 'alert' ? forwarded[0].message.text : '';
      expect(text).toContain('Please pass the message below to Crew.');
      expect(text).toContain(created.body.codes[0].pin);
    });

    it('R9.5: POST again with the same body answers 200 and adds nothing; with other fields 409, nothing written', async () => {
      const first = await world.api('POST', '/v1/staff', { ...CREW, schedule: 'always' });
      const again = await world.api('POST', '/v1/staff', { ...CREW, schedule: 'always' });
      expect(again.status).toBe(200);
      expect(again.body.codes).toEqual(first.body.codes);
      const before = await written();
      const other = await world.api('POST', '/v1/staff', {
        ...CREW,
        name: 'Someone else',
        schedule: 'always',
      });
      expect(other.status).toBe(409);
      expect(await written()).toEqual(before);
    });

    it('R9.5: a removal that died after marking the staff member is finished by DELETE again', async () => {
      const created = await world.api('POST', '/v1/staff', { ...CREW, schedule: 'always' });
      await world.runUntil(T0 + 5 * MINUTE);
      const pin = created.body.codes[0].pin;
      const stored = await world.runtime.deps.staff.getStaff(HOST, 'crew');
      if (!stored) throw new Error('not stored');
      // What a run that died right after its first write leaves behind.
      await world.runtime.deps.staff.saveStaff({ ...stored, removedAt: Date.now(), version: 2 }, 1);
      expect((await world.api('GET', '/v1/staff/crew')).status).toBe(404);
      expect((await world.api('GET', '/v1/staff')).body.staff).toEqual([]);
      expect(world.pinsOn('front')).toContain(pin);

      expect((await world.api('DELETE', '/v1/staff/crew')).status).toBe(204);
      await world.runUntil(Date.now() + 2 * MINUTE);
      expect(world.pinsOn('front')).not.toContain(pin);
      expect(await world.runtime.deps.staff.getStaff(HOST, 'crew')).toBeUndefined();
    });

    it('names the code on the lock after the staff member (R3.4)', async () => {
      await world.api('POST', '/v1/staff', { ...CREW, schedule: 'always' });
      await world.runUntil(T0 + 5 * MINUTE);
      const onLock = world.runtime.sandbox.codesOnDevice('front-device').map((c) => c.name);
      expect(onLock).toContain('Crew');
    });
  });
});
