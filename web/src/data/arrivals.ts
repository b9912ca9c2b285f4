import type { AccessView, Property } from '../api/types.ts';
import { dayKey, formatWhen, plural } from '../format.ts';
import {
  type Door,
  doorOf,
  doorsWithBackup,
  lockstepActions,
  type Verdict,
  verdictOf,
} from './door-status.ts';
import { guestTold } from './guest-told.ts';
import { type HostData, isOnline, loadHostReservations, lockName } from './host-data.ts';

// R13.2: the coming days' arrivals, and whether every arriving guest will get in.

const DAY = 86_400_000;

export interface Arrival {
  property: Property;
  view: AccessView;
  /** The check-in's calendar day in the property's zone. */
  day: string;
  doors: Door[];
  verdict: Verdict;
  /** When and how the guest got the code, if they did (R8.1). */
  told: { at: string; via: string[] } | undefined;
  /** When Lockstep's code message is due, if it is planned. */
  messageDue: string | undefined;
  actions: string[];
}

export function toArrival(host: HostData, property: Property, view: AccessView): Arrival {
  const backups = doorsWithBackup(view.timeline);
  const doors = view.code.locks.map((l) =>
    doorOf(l, lockName(host, l.lockId), backups.has(l.lockId), isOnline(host, l.lockId)),
  );
  const zone = property.settings.timeZone;
  return {
    property,
    view,
    day: dayKey(view.checkIn ?? 0, zone),
    doors,
    verdict: verdictOf(doors.map((d) => d.state)),
    told: guestTold(view),
    messageDue: view.timeline.findLast((t) => t.event === 'schedule.message')?.detail,
    actions: lockstepActions(view, doors, (at) => formatWhen(at, zone)),
  };
}

/** Accepted stays checking in on one of `days` (calendar days, today first). */
export async function loadArrivals(host: HostData, now: Date, days: readonly string[]): Promise<Arrival[]> {
  // A day either side of the week covers every zone's calendar days; the day filter then decides.
  const from = new Date(now.getTime() - DAY);
  const to = new Date(now.getTime() + (days.length + 1) * DAY);
  const stays = await loadHostReservations(
    host,
    from,
    to,
    (r, p) => r.status === 'accepted' && days.includes(dayKey(r.checkIn ?? 0, p.settings.timeZone)),
  );
  return stays.map(({ property, view }) => toArrival(host, property, view));
}

/** The one-line answer at the top of the board. */
export function arrivalsAnswer(arrivals: readonly Arrival[]): { text: string; tone: 'ok' | 'problem' } {
  const total = arrivals.length;
  const attention = arrivals.filter((a) => a.verdict === 'attention').length;
  if (total === 0) return { text: 'No guests arrive in the next 7 days', tone: 'ok' };
  if (attention > 0)
    return {
      text: `${attention} of ${plural(total, 'guest')} need${attention === 1 ? 's' : ''} attention`,
      tone: 'problem',
    };
  return {
    text: total === 1 ? 'The arriving guest will get in' : `All ${total} arriving guests will get in`,
    tone: 'ok',
  };
}
