import type { PoolCodeStatus, PoolSignal } from '#core/backup/pool.ts';
import type { BackupPoolView } from '#core/backup/pool-view.ts';
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

export interface RenderedMessage {
  reservationId: string;
  text: string;
  carriesCode: boolean;
  sent: null | { at: string; via: string[]; from: string };
}

/** A calendar feed as `GET /v1/properties/{id}/calendars` lists it (R10.5); the route is being built. */
export interface CalendarFeed {
  calendarId: string;
  channel: FeedChannel;
  /** Masked by the API: scheme and host only (R10.7). */
  url: string;
  status: 'pending' | 'ok' | 'failing';
  lastGoodReadAt: string | null;
  lastError: { at: string; problem: string } | null;
  staysSeen: number;
  nextReadAt: string;
}

export interface CalendarSync {
  added: number;
  changed: number;
  cancelled: number;
  unchanged: number;
  ignored: number;
}
