import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reservation, ReservationInput } from '#core/model.ts';
import { acceptReservation } from '#core/reservations/accept.ts';
import { cancelReservation } from '#core/reservations/cancel.ts';
import { changeReservation } from '#core/reservations/change.ts';
import { inputOf as storedInput } from '#core/staff/staff-grants.ts';
import { syncStaffCodes } from '#core/staff/sync-staff-codes.ts';
import { HOST, HOUR, LockWorld, MINUTE } from '../lock-world.ts';

// R12.2 through the use cases: the crew's codes follow every change of the stays, of the buffers and
// of the staff member, and reconciling twice, or twice at once, changes nothing more.

const T0 = Date.parse('2026-12-01T00:00:00Z');
const CREW = {
  id: 'crew',
  name: 'Crew',
  email: 'crew@example.com',
  propertyIds: ['villa'],
  schedule: 'turnovers',
};
const iso = (t: number) => new Date(t).toISOString();

describe('R12.2 staff codes follow the stays', () => {
  let world: LockWorld;

  /** The crew's live grants on the villa: [activeFrom, activeUntil] as ISO text. */
  const crewWindows = async () => {
    const all = await world.runtime.deps.reservations.listReservations(HOST, 'villa');
    return all
      .filter((r) => r.staff?.staffId === 'crew' && r.status === 'accepted')
      .sort((a, b) => a.code.activeFrom - b.code.activeFrom)
      .map((r) => [iso(r.code.activeFrom), iso(r.code.activeUntil)]);
  };
  const inputOf = (r: Reservation, changes: Partial<ReservationInput> = {}): ReservationInput => ({
    ...storedInput(r),
    ...changes,
  });

  beforeEach(async () => {
    world = await LockWorld.start(T0);
    await world.property('villa');
    await world.lock('front');
    await world.match('villa', 'front');
  });
  afterEach(() => world.stop());

  it('opens, moves and closes turnovers as stays are booked, moved and cancelled', async () => {
    const a = await world.book('a', 'villa', '2026-12-02T16:00:00', '2026-12-04T11:00:00');
    const b = await world.book('b', 'villa', '2026-12-06T16:00:00', '2026-12-08T11:00:00');
    expect((await world.api('POST', '/v1/staff', { ...CREW, hoursWhenNoNextStay: 5 })).status).toBe(201);
    expect(await crewWindows()).toEqual([
      ['2026-12-04T11:00:00.000Z', '2026-12-06T16:00:00.000Z'],
      ['2026-12-08T11:00:00.000Z', '2026-12-08T16:00:00.000Z'],
    ]);

    await changeReservation(
      world.runtime.deps,
      HOST,
      inputOf(b, { checkIn: '2026-12-05T16:00:00Z' }),
      Date.now() + 1, // after the acceptance's event
    );
    await world.book('c', 'villa', '2026-12-09T16:00:00', '2026-12-10T11:00:00');
    expect(await crewWindows()).toEqual([
      ['2026-12-04T11:00:00.000Z', '2026-12-05T16:00:00.000Z'],
      ['2026-12-08T11:00:00.000Z', '2026-12-09T16:00:00.000Z'],
      ['2026-12-10T11:00:00.000Z', '2026-12-10T16:00:00.000Z'],
    ]);

    await cancelReservation(world.runtime.deps, HOST, inputOf(a), Date.now());
    expect((await crewWindows())[0]).toEqual(['2026-12-08T11:00:00.000Z', '2026-12-09T16:00:00.000Z']);
    world.expectClean();
  });

  it('moves the turnovers with new buffers, which move the guests’ windows (R2.1, R12.1)', async () => {
    await world.book('a', 'villa', '2026-12-02T16:00:00', '2026-12-04T11:00:00');
    await world.book('b', 'villa', '2026-12-06T16:00:00', '2026-12-08T11:00:00');
    await world.api('POST', '/v1/staff', CREW);
    const patched = await world.api('PATCH', '/v1/properties/villa', {
      bufferBeforeMinutes: 60,
      bufferAfterMinutes: 30,
    });
    expect(patched.status).toBe(200);
    expect((await crewWindows())[0]).toEqual(['2026-12-04T11:30:00.000Z', '2026-12-06T15:00:00.000Z']);
  });

  it('reconciles idempotently: again, or twice at once, writes nothing more and makes no second grant', async () => {
    await world.book('a', 'villa', '2026-12-02T16:00:00', '2026-12-04T11:00:00');
    await world.api('POST', '/v1/staff', CREW);
    const versions = async () =>
      (await world.runtime.deps.reservations.listReservations(HOST, 'villa')).map((r) => [
        r.reservationId,
        r.version,
      ]);
    const before = await versions();
    await Promise.all([
      syncStaffCodes(world.runtime.deps, HOST, 'villa'),
      syncStaffCodes(world.runtime.deps, HOST, 'villa'),
    ]);
    await syncStaffCodes(world.runtime.deps, HOST, 'villa');
    expect(await versions()).toEqual(before);
    expect(await crewWindows()).toHaveLength(1);
  });

  it('makes one grant when two reconciliations create it at once (R9.5: a restart and a retry)', async () => {
    await world.book('a', 'villa', '2026-12-02T16:00:00', '2026-12-04T11:00:00');
    const { deps } = world.runtime;
    // The member is stored without the sync that POST runs, so both runs below find no grant.
    await deps.staff.createStaff({
      hostId: HOST,
      staffId: 'crew',
      name: 'Crew',
      propertyIds: ['villa'],
      schedule: 'turnovers',
      createdAt: Date.now(),
      version: 1,
    });
    const villa = await deps.properties.getProperty(HOST, 'villa');
    if (!villa) throw new Error('no villa');
    await deps.properties.putProperty({ ...villa, staffIds: ['crew'] });
    await Promise.all([syncStaffCodes(deps, HOST, 'villa'), syncStaffCodes(deps, HOST, 'villa')]);
    expect(await crewWindows()).toHaveLength(1);
  });

  it('opens a fresh grant when a closed turnover opens again, keeping the cancelled one as history', async () => {
    await world.book('a', 'villa', '2026-12-02T16:00:00', '2026-12-04T11:00:00');
    await world.api('POST', '/v1/staff', CREW);
    await world.api('PATCH', '/v1/staff/crew', { schedule: 'always' });
    await world.api('PATCH', '/v1/staff/crew', { schedule: 'turnovers' });
    const grants = (await world.runtime.deps.reservations.listReservations(HOST, 'villa')).filter(
      (r) => r.staff,
    );
    expect(grants.map((r) => [r.staff?.follows, r.status]).sort()).toEqual([
      ['a', 'accepted'],
      ['a', 'cancelled'],
      ['always', 'cancelled'],
    ]);
  });

  it('takes the codes off a property the staff member no longer serves, and puts them on a lock matched later (R1.2, R1.3)', async () => {
    await world.lock('back');
    await world.api('POST', '/v1/staff', { ...CREW, schedule: 'always' });
    await world.runUntil(T0 + 5 * MINUTE);
    const pin = (await world.api('GET', '/v1/staff/crew')).body.codes[0].pin;
    expect(world.pinsOn('front')).toContain(pin);
    await world.match('villa', 'back');
    await world.runUntil(Date.now() + 5 * MINUTE);
    expect(world.pinsOn('back')).toContain(pin);

    await world.property('cabin');
    await world.api('PATCH', '/v1/staff/crew', { propertyIds: ['cabin'] });
    await world.runUntil(Date.now() + 5 * MINUTE);
    expect(world.pinsOn('front')).not.toContain(pin);
    expect(world.pinsOn('back')).not.toContain(pin);
    expect((await world.api('GET', '/v1/properties/villa')).body.staffIds).toEqual([]);
    world.expectClean();
  });

  it('R9.5: a booking whose run died before the staff windows followed is finished by its redelivery', async () => {
    await world.book('a', 'villa', '2026-12-02T16:00:00', '2026-12-04T11:00:00');
    await world.api('POST', '/v1/staff', CREW);
    const deps = world.runtime.deps;
    const dying = {
      ...deps,
      staff: { ...deps.staff, listStaff: () => Promise.reject(new Error('function timed out')) },
    };
    const b: ReservationInput = {
      reservationId: 'b',
      propertyId: 'villa',
      channel: 'direct',
      confirmationCode: 'CONF-B',
      guest: { name: 'Guest b', email: 'b@example.com' },
      checkIn: '2026-12-06T16:00:00Z',
      checkOut: '2026-12-08T11:00:00Z',
    };
    await expect(acceptReservation(dying, HOST, b)).rejects.toThrow('function timed out');
    expect(await crewWindows()).toEqual([['2026-12-04T11:00:00.000Z', '2026-12-04T15:00:00.000Z']]);

    await acceptReservation(deps, HOST, b);
    expect(await crewWindows()).toEqual([
      ['2026-12-04T11:00:00.000Z', '2026-12-06T16:00:00.000Z'],
      ['2026-12-08T11:00:00.000Z', '2026-12-08T15:00:00.000Z'],
    ]);
  });

  it('never lets a channel event move or cancel a staff code', async () => {
    await world.api('POST', '/v1/staff', { ...CREW, schedule: 'always' });
    const [grant] = (await world.runtime.deps.reservations.listReservations(HOST, 'villa')).filter(
      (r) => r.staff,
    );
    if (!grant) throw new Error('no grant');
    const { staff: _, ...asChannel } = inputOf(grant);
    await changeReservation(world.runtime.deps, HOST, { ...asChannel, checkOut: iso(T0 + HOUR) }, Date.now());
    await cancelReservation(world.runtime.deps, HOST, asChannel, Date.now());
    expect(await world.runtime.deps.reservations.getReservation(HOST, grant.reservationId)).toMatchObject({
      status: 'accepted',
      version: grant.version,
    });
  });
});
