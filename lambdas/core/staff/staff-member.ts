import type { Instant } from '../model.ts';

// R12: the people a host gives codes to who are not guests (cleaners, maintenance).

export const STAFF_SCHEDULES = ['always', 'turnovers'] as const;
export type StaffSchedule = (typeof STAFF_SCHEDULES)[number];

/** Hours a turnover window lasts when no stay follows it, unless the host says otherwise (R12.1). */
export const DEFAULT_HOURS_WHEN_NO_NEXT_STAY = 4;

/** A staff member the host has not removed (a removal may be under way). */
export const isCurrent = (member: StaffMember | undefined): member is StaffMember =>
  member !== undefined && member.removedAt === undefined;

/** What a host says about a staff member (POST and PATCH /v1/staff). */
export interface StaffFields {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  /** The host's properties whose locks take this person's codes. */
  propertyIds: string[];
  schedule: StaffSchedule;
  /** Only with `turnovers`: how long the window after the last known stay lasts. */
  hoursWhenNoNextStay?: number | undefined;
}

export interface StaffMember extends StaffFields {
  hostId: string;
  staffId: string;
  createdAt: Instant;
  /**
   * Set when the host removed them and their codes are being taken off: the item goes last, so a
   * removal that died midway is finished by the host's retry (R9.5). Such a member is gone to the API.
   */
  removedAt?: Instant | undefined;
  /** Bumped on every stored change; writes are conditional on it. */
  version: number;
}
