import type { CodeWindow, Instant } from '../model.ts';
import { DAY, HOUR } from '../time/timeline.ts';
import { DEFAULT_HOURS_WHEN_NO_NEXT_STAY, type StaffMember } from './staff-member.ts';

// R12.1: when a staff member's code works on a property, from its guests' code windows. Pure.

/** A live guest stay of the property: its id and its code window, buffers included (R2.1). */
export interface GuestWindow extends CodeWindow {
  reservationId: string;
}

/** One window a staff member needs a code for; `follows` names it across changes of the stays. */
export interface StaffWindow extends CodeWindow {
  /** The guest stay whose turnover it is, or `always`. */
  follows: string;
}

/** `always` has no end a host would meet: ten years, renewed by nothing (docs/decisions.md). */
export const ALWAYS_SPAN = 3_653 * DAY;

/**
 * `turnovers`: after each stay, from its window's end to the next stay's window start, or for
 * `hoursWhenNoNextStay` when no stay follows. A stay whose end falls inside another stay's window
 * has no turnover (the house is still occupied); an empty gap (back to back) gives none; two stays
 * ending at once share one turnover, named after the first by id. Windows already over are left out.
 */
export function turnoverWindows(
  stays: readonly GuestWindow[],
  hoursWhenNoNextStay: number,
  now: Instant,
): StaffWindow[] {
  const ordered = [...stays].sort(
    (a, b) => a.activeUntil - b.activeUntil || a.reservationId.localeCompare(b.reservationId),
  );
  const windows: StaffWindow[] = [];
  for (const stay of ordered) {
    const start = stay.activeUntil;
    if (windows.some((w) => w.activeFrom === start)) continue;
    if (ordered.some((o) => o.activeFrom <= start && start < o.activeUntil)) continue;
    const nextStarts = ordered.map((o) => o.activeFrom).filter((from) => from >= start);
    const end = nextStarts.length > 0 ? Math.min(...nextStarts) : start + hoursWhenNoNextStay * HOUR;
    if (end <= start || end <= now) continue;
    windows.push({ follows: stay.reservationId, activeFrom: start, activeUntil: end });
  }
  return windows.sort((a, b) => a.activeFrom - b.activeFrom);
}

/** The windows a staff member needs on one property of theirs now (R12.1). */
export function staffWindows(
  member: Pick<StaffMember, 'schedule' | 'hoursWhenNoNextStay' | 'createdAt'>,
  stays: readonly GuestWindow[],
  now: Instant,
): StaffWindow[] {
  if (member.schedule === 'always') {
    return [{ follows: 'always', activeFrom: member.createdAt, activeUntil: member.createdAt + ALWAYS_SPAN }];
  }
  return turnoverWindows(stays, member.hoursWhenNoNextStay ?? DEFAULT_HOURS_WHEN_NO_NEXT_STAY, now);
}
