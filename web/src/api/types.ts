import type { PoolCodeStatus, PoolSignal } from '#core/backup/pool.ts';
import type { BackupPoolView } from '#core/backup/pool-view.ts';
import type { FeedView } from '#core/calendars/list-feeds.ts';
import type { FeedChannel } from '#core/calendars/types.ts';
import type { AccountLock } from '#core/locks/accounts.ts';
import type { ResyncResult } from '#core/locks/resync.ts';
import type { Lock, LockCodeStatus, LockProviderName, Property } from '#core/model.ts';
import type { StaffCodeStatus } from '#core/staff/staff-codes.ts';
import type { StaffFields, StaffSchedule } from '#core/staff/staff-member.ts';
import type { accessView, reservationSummary } from '#handlers/http/routes/access-view.ts';
import type { staffSummary, staffView } from '#handlers/http/routes/staff-view.ts';

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

// Staff (R12, docs/staff.md).

export type StaffSummary = ReturnType<typeof staffSummary>;
export type StaffView = ReturnType<typeof staffView>;
export type StaffCode = StaffView['codes'][number];
export type StaffCodeLock = StaffCode['locks'][number];
export type { StaffCodeStatus, StaffSchedule };

/** The body of `POST /v1/staff` (`PATCH` takes any part of it); the id is the API's to give. */
export type StaffInput = StaffFields;
