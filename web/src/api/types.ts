import type { PoolCodeStatus, PoolSignal } from '#core/backup/pool.ts';
import type { BackupPoolView } from '#core/backup/pool-view.ts';
import type { FeedView } from '#core/calendars/list-feeds.ts';
import type { FeedChannel } from '#core/calendars/types.ts';
import type { AccountLock } from '#core/locks/accounts.ts';
import type { ResyncResult } from '#core/locks/resync.ts';
import type { Lock, LockCodeStatus, LockProviderName, Property } from '#core/model.ts';
import type { accessView, reservationSummary } from '#handlers/http/routes/access-view.ts';

// The host API's answers, typed from the very code that produces them: a change there fails the
// dashboard's type check instead of the page.

export type {
  AccountLock,
  BackupPoolView,
  FeedChannel,
  Lock,
  LockCodeStatus,
  PoolCodeStatus,
  PoolSignal,
  Property,
  ResyncResult,
};
export type AccessView = ReturnType<typeof accessView>;
export type TimelineEvent = AccessView['timeline'][number];
export type ReservationSummary = ReturnType<typeof reservationSummary>;
export type UpdatedProperty = Property & { reservationsMoved: string[] };
export type ProviderName = LockProviderName;

export interface Page<T> {
  reservations: T[];
  cursor: string | null;
}

export interface ResentMessage {
  reservationId: string;
  isBackup: boolean;
  sent: { at: string; via: string[]; from: string | null };
}

export interface RenderedMessage {
  reservationId: string;
  text: string;
  carriesCode: boolean;
  sent: null | { at: string; via: string[]; from: string };
}

/** A calendar feed as `GET /v1/properties/{id}/calendars` lists it (R10.5); its URL masked (R10.7). */
export type CalendarFeed = FeedView;

export interface CalendarSync {
  added: number;
  changed: number;
  cancelled: number;
  unchanged: number;
  ignored: number;
}

// Staff (R12): the contract in docs/staff.md, written here by hand until the back end's views exist
// to type them from.

export type StaffSchedule = 'always' | 'turnovers';

/** A staff code's window as lists show it: no PIN (R9.4). */
export type StaffCodeStatus = 'scheduled' | 'active' | 'ended' | 'removed';

export interface StaffSummary {
  staffId: string;
  name: string;
  email?: string;
  phone?: string;
  propertyIds: string[];
  schedule: StaffSchedule;
  hoursWhenNoNextStay?: number;
  createdAt: string;
  nextCode?: { propertyId: string; activeFrom: string; activeUntil: string; status: StaffCodeStatus };
}

export interface StaffCodeLock {
  lockId: string;
  status: LockCodeStatus;
  setAt?: string;
  removedAt?: string;
  nextAttemptAt?: string;
  lastError?: string;
}

export interface StaffCode {
  codeId: string;
  propertyId: string;
  pin: string;
  name: string;
  activeFrom: string;
  activeUntil: string;
  status: StaffCodeStatus;
  communicatedAt?: string;
  locks: StaffCodeLock[];
}

/** One staff member with their codes: current and upcoming first, then up to 20 past ones. */
export interface StaffView extends StaffSummary {
  codes: StaffCode[];
}

/** The body of `POST /v1/staff`; `PATCH` takes any part of it. */
export interface StaffInput {
  name: string;
  email?: string;
  phone?: string;
  propertyIds: string[];
  schedule: StaffSchedule;
  hoursWhenNoNextStay?: number;
}
