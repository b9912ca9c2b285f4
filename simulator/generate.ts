import { LOCK_MODELS } from '#core/model.ts';
import { seededRandom } from '#local/random.ts';
import type { Scenario } from './scenario.ts';

// Large random but valid scenarios for load runs: `npm run simulate -- --generate N ...`.

export interface GenerateOptions {
  reservations: number;
  properties: number;
  locks: number;
  days: number;
  seed: number;
  start?: string;
}

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Europe/Lisbon',
  'Australia/Sydney',
];
const CHANNELS = ['airbnb', 'vrbo', 'booking', 'direct', 'manual'] as const;
const NAMES = [
  'Ana Pérez',
  'Liam Chen',
  'Zoë Müller',
  'Noah Smith',
  'Aisha Khan',
  'Mateo Rossi',
  'Yuki Sato',
];
const DAY = 86_400_000;

export function generateScenario(o: GenerateOptions): Scenario {
  const random = seededRandom(o.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const start = Date.parse(o.start ?? '2027-01-01T00:00:00Z');
  const iso = (t: number) => new Date(t).toISOString();

  const locks: Scenario['locks'] = Array.from({ length: o.locks }, (_, i) => {
    const model = pick(LOCK_MODELS);
    const outage = random() < 0.05 ? int(1, o.days - 2) : undefined;
    return {
      id: `l${i + 1}`,
      model,
      nativeScheduling: random() < 0.8,
      codeLengths: model === 'nuki' ? [6] : [4, 5, 6],
      maxCodes: 100,
      backupPoolSize: 5,
      existingCodes:
        random() < 0.3 ? [{ code: String(int(100000, 999999)).replaceAll('0', '7'), name: 'Cleaner' }] : [],
      offline:
        outage === undefined
          ? []
          : [{ from: iso(start + outage * DAY), to: iso(start + outage * DAY + int(1, 30) * 3_600_000) }],
      rejectNext: random() < 0.05 ? int(1, 3) : 0,
    };
  });
  // Every lock serves at least one property; properties get one to three locks.
  const properties: Scenario['properties'] = Array.from({ length: o.properties }, (_, i) => ({
    id: `p${i + 1}`,
    timeZone: pick(ZONES),
    hosts: ['h1'],
    locks: [],
    settings: {
      bufferBeforeMinutes: pick([0, 30, 60]),
      bufferAfterMinutes: pick([0, 30]),
      codeSource: random() < 0.3 ? 'phone' : 'random',
      backupCodes: random() < 0.5,
    },
  }));
  for (const [i, lock] of locks.entries()) properties[i % properties.length]?.locks.push(lock.id);

  const reservations: Scenario['reservations'] = Array.from({ length: o.reservations }, (_, i) => {
    const property = properties[i % properties.length] ?? properties[0];
    const checkIn = start + int(1, o.days - 5) * DAY + int(14, 18) * 3_600_000;
    const bookedAt = Math.max(start, checkIn - int(0, 30) * DAY - int(0, 23) * 3_600_000);
    return {
      id: `r${i + 1}`,
      propertyId: property?.id ?? 'p1',
      channel: pick(CHANNELS),
      confirmationCode: `CONF${(i + 1).toString(36).toUpperCase().padStart(6, '0')}`,
      guest: {
        name: pick(NAMES),
        phone: `+1555${String(int(1_000_000, 9_999_999))}`,
        email: `guest${i + 1}@example.com`,
      },
      bookedAt: iso(bookedAt),
      checkIn: iso(checkIn),
      checkOut: iso(checkIn + int(1, 4) * DAY - 5 * 3_600_000),
      events: random() < 0.05 ? [{ at: iso(bookedAt + 3_600_000), type: 'cancelled' as const }] : [],
    };
  });
  return {
    seed: o.seed,
    start: iso(start),
    end: iso(start + o.days * DAY),
    properties,
    locks,
    reservations,
    lockEvents: [],
  };
}
