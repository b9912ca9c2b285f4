import type { CodeWindow, Instant } from '../model.ts';

// R11.1: what a lock model's offline codes can express, and the window Lockstep asks for (R11.2).

const MINUTE = 60_000;
const HOUR = 3_600_000;

export interface OfflineCodeLimits {
  /** Windows start and end on whole multiples of this (igloohome: whole hours). */
  granularityMinutes: number;
  /** The longest window the lock verifies. */
  maxHours: number;
  /** The lock accepts the code only if it is first used within this many hours of the start. */
  firstUseWithinHours: number;
  /** How many codes the provider gives out for one identical window. */
  perIdenticalWindow: number;
}

/** igloohome's algoPIN limits as Seam documents them (docs/lock-models.md). */
export const IGLOOHOME_OFFLINE_LIMITS: OfflineCodeLimits = {
  granularityMinutes: 60,
  maxHours: 672,
  firstUseWithinHours: 24,
  perIdenticalWindow: 3,
};

export interface OfflineWindow {
  startsAt: Instant;
  endsAt: Instant;
  /** The guest must first use the code before this instant (R11.3). */
  firstUseBy: Instant;
}

/**
 * The stay's window rounded outward to the model's granularity (R11.2), with its first-use limit;
 * a problem (never a PIN) when the model cannot express it.
 */
export function offlineWindow(
  window: CodeWindow,
  limits: OfflineCodeLimits,
): { window: OfflineWindow } | { problem: string } {
  const step = limits.granularityMinutes * MINUTE;
  const startsAt = Math.floor(window.activeFrom / step) * step;
  const endsAt = Math.ceil(window.activeUntil / step) * step;
  if (!(endsAt > startsAt)) return { problem: 'the window must end after it starts' };
  if (endsAt - startsAt > limits.maxHours * HOUR)
    return { problem: `the window is longer than the lock's ${limits.maxHours} hours` };
  const firstUseBy = Math.min(endsAt, startsAt + limits.firstUseWithinHours * HOUR);
  return { window: { startsAt, endsAt, firstUseBy } };
}
