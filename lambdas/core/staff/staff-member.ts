import type { Instant } from '../model.ts';

// R12: the people a host gives codes to who are not guests (cleaners, maintenance).

export const STAFF_SCHEDULES = ['always', 'turnovers'] as const;
export type StaffSchedule = (typeof STAFF_SCHEDULES)[number];

/** Hours a turnover window lasts when no stay follows it, unless the host says otherwise (R12.1). */
export const DEFAULT_HOURS_WHEN_NO_NEXT_STAY = 4;

export interface StaffMember {
  hostId: string;
  staffId: string;
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  /** The host's properties whose locks take this person's codes. */
  propertyIds: string[];
  schedule: StaffSchedule;
  /** Only with `turnovers`: how long the window after the last known stay lasts. */
  hoursWhenNoNextStay?: number | undefined;
  createdAt: Instant;
  /** Bumped on every stored change; writes are conditional on it. */
  version: number;
}
