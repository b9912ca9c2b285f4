import type { CodeWindow, Instant, PropertySettings } from '../model.ts';

// R2 and R7.2: when a reservation's code works, and when each scheduled entry fires.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** R2.3: how early a code goes onto a lock before activeFrom. */
export const NATIVE_PROGRAMMING_LEAD = 3 * DAY;
export const DEVICE_PROGRAMMING_LEAD = 10 * MINUTE;
/** R5.1: the guest code message goes out this long before activeFrom. */
export const MESSAGE_LEAD = 10 * MINUTE;
/** R7.2: codes leave the locks this long after the stay ends or the booking is cancelled. */
export const DELETION_DELAY = 24 * HOUR;

type Buffers = Pick<PropertySettings, 'bufferBeforeMinutes' | 'bufferAfterMinutes'>;

/** R2.1 */
export function codeWindow(stay: { checkIn: Instant; checkOut: Instant }, buffers: Buffers): CodeWindow {
  return {
    activeFrom: stay.checkIn - buffers.bufferBeforeMinutes * MINUTE,
    activeUntil: stay.checkOut + buffers.bufferAfterMinutes * MINUTE,
  };
}

/**
 * R2.1 for a stored stay. A staff window (R12.1) is its stay itself: staff take no buffers of their
 * own, and their window opens at activeFrom on every lock.
 */
export function windowOfStay(
  stay: { checkIn: Instant; checkOut: Instant; staff?: unknown },
  buffers: Buffers,
): CodeWindow {
  if (stay.staff === undefined) return codeWindow(stay, buffers);
  return { activeFrom: stay.checkIn, activeUntil: stay.checkOut, opensAtActiveFrom: true };
}

/** R2.3: first attempt to set the code on one lock; at once when that instant has passed. */
export function programmingTime(window: CodeWindow, nativeScheduling: boolean, now: Instant): Instant {
  if (window.opensAtActiveFrom && !nativeScheduling) return Math.max(now, window.activeFrom);
  const lead = nativeScheduling ? NATIVE_PROGRAMMING_LEAD : DEVICE_PROGRAMMING_LEAD;
  return Math.max(now, window.activeFrom - lead);
}

/** R2.3 for a property: the earliest programming time among its locks (no locks: as a device lock). */
export function provisionAt(window: CodeWindow, locksNative: readonly boolean[], now: Instant): Instant {
  if (locksNative.length === 0) return programmingTime(window, false, now);
  return Math.min(...locksNative.map((native) => programmingTime(window, native, now)));
}

/** R5.1 */
export function messageAt(window: CodeWindow, now: Instant): Instant {
  return Math.max(now, window.activeFrom - MESSAGE_LEAD);
}

/** R7.2: a completed stay's code leaves the locks a day after activeUntil. */
export function deletionAt(window: CodeWindow): Instant {
  return window.activeUntil + DELETION_DELAY;
}

/** R7.2: a cancelled reservation's code leaves the locks a day after the cancellation. */
export function deletionAfterCancellation(cancelledAt: Instant): Instant {
  return cancelledAt + DELETION_DELAY;
}
