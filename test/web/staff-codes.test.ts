import { describe, expect, it } from 'vitest';
import type {
  AccountLock,
  Lock,
  Property,
  StaffCode,
  StaffCodeLock,
  StaffView,
} from '../../web/src/api/types.ts';
import type { HostData } from '../../web/src/data/host-data.ts';
import { codesByProperty, staffDoors } from '../../web/src/data/staff-codes.ts';

// R12.2, R13.4: a staff member's codes as their page reads them: per property, current and upcoming
// apart from past ones, each door in the same states a guest's door has.

const property = (propertyId: string, name: string) =>
  ({ propertyId, name, settings: { timeZone: 'America/New_York' } }) as Property;

const host = (online: Record<string, boolean> = {}): HostData => ({
  properties: [property('beach-house', 'Beach House'), property('chalet', 'Chalet')],
  locks: [
    { lockId: 'front-door', name: 'front door' },
    { lockId: 'back-door', name: 'back door' },
  ] as Lock[],
  live: new Map(
    Object.entries(online).map(([lockId, isOn]) => [
      lockId,
      { reachable: true, online: isOn } as AccountLock['device'],
    ]),
  ),
  accounts: ['sandbox'],
});

/** A lock entry as the API answers it, every field present. */
const onLock = (lockId: string, status: StaffCodeLock['status'], more: Partial<StaffCodeLock> = {}) => ({
  lockId,
  status,
  setAt: undefined,
  removedAt: undefined,
  nextAttemptAt: undefined,
  lastError: undefined,
  ...more,
});

const code = (codeId: string, overrides: Partial<StaffCode> = {}): StaffCode => ({
  codeId,
  propertyId: 'beach-house',
  pin: '4821',
  name: 'Maria Lopez',
  activeFrom: '2026-12-03T16:30:00.000Z',
  activeUntil: '2026-12-03T20:00:00.000Z',
  status: 'scheduled',
  communicatedAt: undefined,
  locks: [onLock('front-door', 'pending')],
  ...overrides,
});

const view = (codes: StaffCode[], propertyIds = ['beach-house']): StaffView => ({
  staffId: 's-1',
  name: 'Maria Lopez',
  propertyIds,
  schedule: 'turnovers',
  email: undefined,
  phone: undefined,
  hoursWhenNoNextStay: undefined,
  createdAt: '2026-12-01T10:00:00.000Z',
  nextCode: undefined,
  codes,
});

describe('R12.2 a staff code’s doors read as a guest’s', () => {
  it('names each door and gives it the guest door’s state', () => {
    const doors = staffDoors(
      host({ 'back-door': false }),
      code('c-1', {
        locks: [
          onLock('front-door', 'set', { setAt: '2026-12-03T16:00:00.000Z' }),
          onLock('back-door', 'requested'),
        ],
      }),
    );
    expect(doors.map((d) => [d.lockName, d.state])).toEqual([
      ['front door', 'set'],
      ['back door', 'offline'],
    ]);
  });

  it('keeps a refusal’s reason and the next attempt for the page to say', () => {
    const [door] = staffDoors(
      host(),
      code('c-1', {
        locks: [
          onLock('front-door', 'failed', {
            lastError: 'no_space',
            nextAttemptAt: '2026-12-03T17:00:00.000Z',
          }),
        ],
      }),
    );
    expect(door).toMatchObject({
      state: 'failed',
      lastError: 'no_space',
      nextAttemptAt: '2026-12-03T17:00:00.000Z',
    });
  });

  it('R12.2 reads a code being removed from a lock as removed', () => {
    const [door] = staffDoors(host(), code('c-1', { locks: [onLock('front-door', 'removing')] }));
    expect(door?.state).toBe('removed');
  });
});

describe('R13.4 codes per property', () => {
  it('puts current and upcoming codes in time order and past ones most recent first', () => {
    const groups = codesByProperty(
      host(),
      view([
        code('later', { activeFrom: '2026-12-06T16:00:00.000Z' }),
        code('old', { status: 'ended', activeFrom: '2026-11-20T16:00:00.000Z' }),
        code('now', { status: 'active', activeFrom: '2026-12-02T16:00:00.000Z' }),
        code('older-removed', { status: 'removed', activeFrom: '2026-11-10T16:00:00.000Z' }),
        code('recent', { status: 'ended', activeFrom: '2026-11-28T16:00:00.000Z' }),
      ]),
    );
    expect(groups).toHaveLength(1);
    expect(groups[0]?.current.map((r) => r.code.codeId)).toEqual(['now', 'later']);
    expect(groups[0]?.past.map((r) => r.code.codeId)).toEqual(['recent', 'old', 'older-removed']);
  });

  it('groups by property in the member’s order, with an empty group for a property with no code yet', () => {
    const groups = codesByProperty(host(), view([code('c-1')], ['chalet', 'beach-house']));
    expect(groups.map((g) => [g.property.name, g.current.length])).toEqual([
      ['Chalet', 0],
      ['Beach House', 1],
    ]);
  });

  it('keeps past codes of a property the member no longer works at, after the current ones', () => {
    const groups = codesByProperty(
      host(),
      view([code('c-1'), code('c-2', { propertyId: 'chalet', status: 'removed' })], ['beach-house']),
    );
    expect(groups.map((g) => g.property.name)).toEqual(['Beach House', 'Chalet']);
    expect(groups[1]?.past.map((r) => r.code.codeId)).toEqual(['c-2']);
  });
});
