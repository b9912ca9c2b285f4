import { afterEach, describe, expect, it } from 'vitest';
import { CONFIRMATION, device, HOST, HOUR, LockWorld, MINUTE } from '../lock-world.ts';

// R1.2 and R1.3 on the real runtime: the host API, the store, the synthesized workflow and the
// sandbox's locks, in virtual time.

const START = Date.parse('2027-01-04T12:00:00Z');
const at = (iso: string) => Date.parse(iso);

describe('R1.2 matching a lock to a property with booked stays', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  const bookStays = async () => {
    await world.property('villa');
    await world.lock('front');
    await world.match('villa', 'front');
    await world.book('past', 'villa', '2027-01-04T15:00', '2027-01-05T10:00');
    await world.book('soon', 'villa', '2027-01-08T15:00', '2027-01-09T10:00');
    await world.book('later', 'villa', '2027-01-12T15:00', '2027-01-14T10:00');
    await world.book('called-off', 'villa', '2027-01-10T15:00', '2027-01-11T10:00');
    await world.cancel('called-off');
    await world.runUntil(at('2027-01-06T12:00:00Z'));
    await world.lock('garage');
    await world.match('villa', 'garage');
  };

  it('adds the lock to every future reservation and to no past or cancelled one', async () => {
    world = await LockWorld.start(START);
    await bookStays();
    expect(await world.lockStatus('past', 'garage')).toBeUndefined();
    expect(await world.lockStatus('called-off', 'garage')).toBeUndefined();
    expect(await world.lockStatus('soon', 'garage')).toBe('requested');
    expect(await world.lockStatus('later', 'garage')).toBe('pending');
    const timeline = (await world.reservation('later')).timeline.map((e) => [e.event, e.lockId]);
    expect(timeline).toContainEqual(['code.lock_added', 'garage']);
  });

  it('sets the code at once when its programming time has passed, and at that time otherwise (R2.3)', async () => {
    world = await LockWorld.start(START);
    await bookStays();
    await world.runUntil(at('2027-01-06T12:00:00Z') + CONFIRMATION);
    const soon = await world.reservation('soon');
    expect(world.pinsOn('garage')).toEqual([soon.code.pin]);
    expect(soon.code.locks.map((s) => [s.lockId, s.status])).toEqual([
      ['front', 'set'],
      ['garage', 'set'],
    ]);

    // `later` is programmed three days before its check-in, on both locks by one execution.
    await world.runUntil(at('2027-01-09T15:00:00Z') - MINUTE);
    expect(await world.lockStatus('later', 'garage')).toBe('pending');
    await world.runUntil(at('2027-01-09T15:00:00Z') + CONFIRMATION);
    const later = await world.reservation('later');
    expect(later.code.locks.map((s) => [s.lockId, s.status, s.attemptedAt.length])).toEqual([
      ['front', 'set', 1],
      ['garage', 'set', 1],
    ]);
    const cancelled = await world.reservation('called-off');
    const past = await world.reservation('past');
    expect(world.pinsOn('garage').sort()).toEqual([soon.code.pin, later.code.pin].sort());
    expect(world.pinsOn('garage')).not.toContain(cancelled.code.pin);
    expect(world.pinsOn('garage')).not.toContain(past.code.pin);
    world.expectClean();
  });

  it('matching the same lock again changes nothing', async () => {
    world = await LockWorld.start(START);
    await bookStays();
    const before = await world.reservation('later');
    await world.match('villa', 'garage');
    expect(await world.reservation('later')).toEqual(before);
  });

  it('replaces a PIN already on the new lock, on every lock, leaving the foreign code alone (R1.2, R3.3)', async () => {
    world = await LockWorld.start(START);
    await world.property('villa', { codeSource: 'phone' });
    await world.lock('front');
    await world.match('villa', 'front');
    const guest = { name: 'Ana Perez', email: 'ana@example.com', phone: '+1 555 987 6021' };
    const booked = await world.book('ana', 'villa', '2027-01-05T15:00', '2027-01-06T10:00', guest);
    expect(booked.code.pin).toBe('876021'); // R3.1: the phone's last six digits
    await world.runUntil(START + CONFIRMATION);
    expect(world.pinsOn('front')).toEqual(['876021']);

    await world.lock('garage', { existingCodes: [{ code: '876021', name: 'Gardener' }] });
    await world.match('villa', 'garage');
    await world.runUntil(Date.now() + CONFIRMATION);

    const ana = await world.reservation('ana');
    expect(ana.code.pin).not.toBe('876021');
    expect(world.pinsOn('front')).toEqual([ana.code.pin]);
    expect(world.runtime.sandbox.codesOnDevice(device('garage')).map((c) => [c.code, c.managed])).toEqual([
      ['876021', false],
      [ana.code.pin, true],
    ]);
    expect(ana.code.locks.map((s) => s.status)).toEqual(['set', 'set']);
    const replaced = ana.timeline.find((e) => e.event === 'code.pin_replaced');
    expect(replaced?.detail).toContain('garage');
    for (const entry of ana.timeline) {
      expect(entry.detail ?? '').not.toContain('876021'); // R9.4
      expect(entry.detail ?? '').not.toContain(ana.code.pin);
    }
    world.expectClean();
  });
});

describe('R3.3 a PIN replaced after the guest was told it', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  /** Ana's stay starts in five minutes (UTC, no buffers), so her code message goes out at once. */
  const toldAna = async () => {
    world = await LockWorld.start(START);
    await world.property('villa', { codeSource: 'phone', outboundWebhookUrl: 'https://host.example/hooks' });
    await world.lock('front');
    await world.match('villa', 'front');
    const guest = { name: 'Ana Perez', email: 'ana@example.com', phone: '+1 555 987 6021' };
    await world.book('ana', 'villa', '2027-01-04T12:05', '2027-01-06T10:00', guest);
    await world.runUntil(START + CONFIRMATION);
    await world.lock('garage', { existingCodes: [{ code: '876021', name: 'Gardener' }] });
    await world.match('villa', 'garage');
  };
  const sentPins = async () =>
    ((await world.reservation('ana')).guestMessages ?? []).filter((m) => m.sent.length > 0).map((m) => m.pin);

  it('sends the guest the new PIN once it has had its attempt, on the same route (R5.1, R5.2)', async () => {
    await toldAna();
    const replacedAt = Date.now();
    expect(await sentPins()).toEqual(['876021']);

    await world.runUntil(replacedAt + 3 * MINUTE);
    const ana = await world.reservation('ana');
    expect(ana.code.pin).not.toBe('876021');
    expect(world.pinsOn('front')).toEqual([ana.code.pin]);
    expect(await sentPins()).toEqual(['876021', ana.code.pin]);
    const emails = world.runtime.outbox.entries.filter((e) => e.via === 'email');
    expect(emails.at(-1)?.message.text).toContain(ana.code.pin);

    await world.runUntil(replacedAt + 6 * HOUR);
    expect(await sentPins()).toHaveLength(2); // later checks do not send it again
    world.expectClean();
  });

  it('R6.5 tells the host’s endpoint of the replacement at once, with the new code', async () => {
    await toldAna();
    const ana = await world.reservation('ana');
    const bodies = world.runtime.webhooks.deliveries.map((d) => JSON.parse(d.body));
    expect(bodies.map((b) => [b.type, b.code, b.is_backup_code])).toEqual([
      ['access_method.issued', '876021', false],
      ['access_method.reissued', ana.code.pin, false],
    ]);
  });
});

describe('R1.3 unmatching a lock', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  /** `gate` serves villa and cottage; each has a stay whose code is set on it, and gate has a cleaner's code. */
  const shareGate = async () => {
    await world.property('villa');
    await world.property('cottage');
    await world.lock('gate', { existingCodes: [{ code: '135790', name: 'Cleaner' }] });
    await world.match('villa', 'gate');
    await world.match('cottage', 'gate');
    await world.book('v1', 'villa', '2027-01-05T15:00', '2027-01-06T10:00');
    await world.book('c1', 'cottage', '2027-01-05T16:00', '2027-01-06T10:00');
    await world.runUntil(START + CONFIRMATION);
    expect(world.pinsOn('gate')).toHaveLength(3);
  };

  it('deletes the codes Lockstep created once no property uses the lock, never a foreign one', async () => {
    world = await LockWorld.start(START);
    await shareGate();
    await world.unmatch('villa', 'gate');
    await world.unmatch('cottage', 'gate');
    expect(await world.lockStatus('v1', 'gate')).toBe('removing');
    expect(await world.lockStatus('c1', 'gate')).toBe('removing');
    await world.runUntil(Date.now() + CONFIRMATION);
    expect(world.runtime.sandbox.codesOnDevice(device('gate'))).toEqual([
      expect.objectContaining({ code: '135790', name: 'Cleaner', managed: false }),
    ]);
    expect(await world.lockStatus('v1', 'gate')).toBe('removed');
    expect(await world.lockStatus('c1', 'gate')).toBe('removed');
    world.expectClean();
  });

  it('keeps the codes of a property the lock still serves', async () => {
    world = await LockWorld.start(START);
    await shareGate();
    await world.unmatch('villa', 'gate');
    await world.runUntil(Date.now() + CONFIRMATION);
    const cottage = await world.reservation('c1');
    const villa = await world.reservation('v1');
    expect(world.pinsOn('gate').sort()).toEqual(['135790', cottage.code.pin].sort());
    expect(world.pinsOn('gate')).not.toContain(villa.code.pin);
    expect(await world.lockStatus('c1', 'gate')).toBe('set');
    world.expectClean();
  });

  it('drops the lock from the future provisioning of the property’s reservations', async () => {
    world = await LockWorld.start(START);
    await world.property('villa');
    await world.lock('front');
    await world.lock('gate');
    await world.match('villa', 'front');
    await world.match('villa', 'gate');
    const later = await world.book('later', 'villa', '2027-01-12T15:00', '2027-01-14T10:00');
    await world.unmatch('villa', 'gate');
    expect((await world.reservation('later')).code.locks.map((s) => s.lockId)).toEqual(['front']);
    await world.runUntil(at('2027-01-09T15:00:00Z') + CONFIRMATION);
    expect(world.pinsOn('front')).toEqual([later.code.pin]);
    expect(world.pinsOn('gate')).toEqual([]);
    world.expectClean();
  });

  it('also deletes the code of a finished stay still waiting for its deletion (R1.3, R7.2)', async () => {
    world = await LockWorld.start(START);
    await world.property('villa');
    await world.lock('gate');
    await world.match('villa', 'gate');
    const stay = await world.book('done', 'villa', '2027-01-04T15:00', '2027-01-05T10:00');
    await world.runUntil(at('2027-01-05T12:00:00Z')); // over, but its code stays until 2027-01-06T10:00
    expect(world.pinsOn('gate')).toEqual([stay.code.pin]);
    await world.unmatch('villa', 'gate');
    await world.runUntil(Date.now() + CONFIRMATION);
    expect(world.pinsOn('gate')).toEqual([]);
    expect(await world.lockStatus('done', 'gate')).toBe('removed');
    await world.runUntil(at('2027-01-06T11:00:00Z')); // the R7.2 deletion finds nothing left to do
    world.expectClean();
  });

  it('answers 404 for a lock the host does not have, and writes nothing', async () => {
    world = await LockWorld.start(START);
    await world.property('villa');
    const reply = await world.api('DELETE', '/v1/properties/villa/locks/nowhere');
    expect(reply.status).toBe(404);
    expect(await world.runtime.deps.properties.getProperty(HOST, 'villa')).toMatchObject({ lockIds: [] });
  });
});

describe('R1.4 resync', () => {
  let world: LockWorld;
  afterEach(() => world.stop());

  const setUp = async () => {
    await world.property('villa');
    await world.lock('front');
    await world.lock('back');
    await world.match('villa', 'front');
    await world.match('villa', 'back');
    await world.book('r1', 'villa', '2027-01-05T15:00', '2027-01-06T10:00');
    await world.book('r2', 'villa', '2027-01-06T15:00', '2027-01-07T10:00');
    await world.runUntil(START + CONFIRMATION);
  };

  it('puts every code Lockstep owns back on a wiped lock', async () => {
    world = await LockWorld.start(START);
    await setUp();
    const pins = [(await world.reservation('r1')).code.pin, (await world.reservation('r2')).code.pin].sort();
    expect(world.pinsOn('front').sort()).toEqual(pins);
    world.runtime.sandbox.wipe(device('front'));
    expect(world.pinsOn('front')).toEqual([]);

    await world.runUntil(START + HOUR);
    const reply = await world.api('POST', '/v1/locks/front/resync');
    expect(reply).toEqual({
      status: 200,
      body: { lockId: 'front', reservationsChecked: 2, reservationsReprogrammed: 2 },
    });
    expect(await world.lockStatus('r1', 'front')).toBe('requested');
    await world.runUntil(START + HOUR + CONFIRMATION);
    expect(world.pinsOn('front').sort()).toEqual(pins);
    const r1 = await world.reservation('r1');
    expect(r1.code.locks.map((s) => [s.lockId, s.status])).toEqual([
      ['front', 'set'],
      ['back', 'set'],
    ]);
    expect(r1.timeline.map((e) => [e.event, e.lockId])).toContainEqual(['code.missing_on_lock', 'front']);
    world.expectClean();
  });

  it('leaves an intact lock as it is', async () => {
    world = await LockWorld.start(START);
    await setUp();
    const before = world.runtime.sandbox.codesOnDevice(device('back'));
    const reply = await world.api('POST', '/v1/locks/back/resync');
    expect(reply.body).toEqual({ lockId: 'back', reservationsChecked: 2, reservationsReprogrammed: 0 });
    await world.runUntil(Date.now() + CONFIRMATION);
    expect(world.runtime.sandbox.codesOnDevice(device('back'))).toEqual(before);
  });
});
