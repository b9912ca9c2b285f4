// The domain's data. Instants are epoch milliseconds in UTC; the core never reads a clock itself.
export type Instant = number;

export const CHANNELS = ['airbnb', 'vrbo', 'booking', 'direct', 'manual'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The channels whose guests are reached through the channel's own messaging (R5.2). */
export const MESSAGING_CHANNELS = ['airbnb', 'vrbo', 'booking'] as const satisfies readonly Channel[];
export type MessagingChannel = (typeof MESSAGING_CHANNELS)[number];

export const isMessagingChannel = (channel: Channel): channel is MessagingChannel =>
  (MESSAGING_CHANNELS as readonly Channel[]).includes(channel);

export const LOCK_MODELS = ['nuki', 'august', 'schlage', 'yale', 'igloohome', 'generic'] as const;
export type LockModel = (typeof LOCK_MODELS)[number];

export type LockProviderName = 'sandbox' | 'seam';

export interface PropertySettings {
  timeZone: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  codeSource: 'random' | 'phone';
  backupCodes: boolean;
  /** The listing's hosts on its channel, primary first: the senders R5.3 chooses from. */
  hosts?: string[] | undefined;
  /** Where `access_method.*` webhooks go (R6.5); none when absent. */
  outboundWebhookUrl?: string | undefined;
  /** Local `HH:MM` an all-day feed stay checks in (R10.2); 16:00 when absent. */
  checkInTime?: string | undefined;
  /** Local `HH:MM` an all-day feed stay checks out (R10.2); 11:00 when absent. */
  checkOutTime?: string | undefined;
}

export interface Property {
  hostId: string;
  propertyId: string;
  name: string;
  settings: PropertySettings;
  /** Locks matched to this property (R1.1). */
  lockIds: string[];
  /** Staff members with codes here (R12): only then does a guest change re-plan staff windows. */
  staffIds?: string[] | undefined;
}

export interface ExistingCode {
  code: string;
  name: string;
}

export interface Lock {
  hostId: string;
  lockId: string;
  name: string;
  provider: LockProviderName;
  /** The provider's id for the device. */
  deviceId: string;
  model: LockModel;
  /** The provider stores time-bound codes itself, so codes can go on early (R2.3). */
  nativeScheduling: boolean;
  codeLengths: number[];
  maxCodes: number;
  /** Overrides the model's `supportsBackupPool` capability (R6.1). */
  supportsBackupPool?: boolean | undefined;
  /** Backup codes kept on the lock (R6.1); 5 when absent. */
  backupPoolSize?: number | undefined;
}

export interface Guest {
  name: string;
  email?: string | undefined;
  phone?: string | undefined;
  locale?: string | undefined;
}

export type ReservationStatus = 'accepted' | 'cancelled';

/** A reservation as a channel sends it: stay times as ISO text, local to the property or with an offset. */
export interface ReservationInput {
  reservationId: string;
  propertyId: string;
  channel: Channel;
  confirmationCode: string;
  guest: Guest;
  checkIn: string;
  checkOut: string;
  /** The calendar feed and UID the stay was read from (R10); absent for a channel's booking. */
  source?: ReservationSource | undefined;
  /** Set when this is a staff member's code window, not a guest's stay (R12). */
  staff?: StaffGrant | undefined;
}

/**
 * A staff member's code window stored as a reservation, so every guest-code rule applies to it
 * (R12.2). Its stay is the window itself: no buffers, and it opens at activeFrom on every lock.
 */
export interface StaffGrant {
  staffId: string;
  /** The guest stay whose turnover it covers, or `always`. */
  follows: string;
}

/** Where a feed stay came from: such a stay has no channel conversation and no guest contact (R10.8). */
export interface ReservationSource {
  calendarId: string;
  uid: string;
}

export interface ReservationDetails {
  reservationId: string;
  propertyId: string;
  channel: Channel;
  confirmationCode: string;
  guest: Guest;
  checkIn: Instant;
  checkOut: Instant;
  source?: ReservationSource | undefined;
  staff?: StaffGrant | undefined;
}

export type LockCodeStatus = 'pending' | 'requested' | 'set' | 'failed' | 'removing' | 'removed';

/** What Lockstep knows about one reservation's code on one lock (R8.1). */
export interface LockCodeState {
  lockId: string;
  status: LockCodeStatus;
  accessCodeId?: string | undefined;
  /** When each attempt to set the code was made (R4.1 plans the next one from these). */
  attemptedAt: Instant[];
  /**
   * When the provisioning workflow tries this lock next, as its Check step planned it (R4.1); the
   * host sees it (R13.2). Cleared by the attempt it announced.
   */
  nextAttemptAt?: Instant | undefined;
  setAt?: Instant | undefined;
  removedAt?: Instant | undefined;
  lastError?: string | undefined;
  /** When Lockstep first asked the provider to remove this code; retries back off from it (R7.3). */
  removalRequestedAt?: Instant | undefined;
  /** Codes this lock held for the reservation before (a replaced PIN, a wiped lock); their late events are stale. */
  retiredAccessCodeIds?: string[] | undefined;
}

export interface TimelineEntry {
  at: Instant;
  event: string;
  lockId?: string | undefined;
  detail?: string | undefined;
}

export interface CodeWindow {
  activeFrom: Instant;
  activeUntil: Instant;
  /**
   * A staff window (R12.2): it starts as a guest's window ends, so even a lock that cannot hold a
   * window gets the code no earlier than activeFrom (not R2.3's ten minutes before).
   */
  opensAtActiveFrom?: true | undefined;
}

export interface AccessCode extends CodeWindow {
  pin: string;
  name: string;
  locks: LockCodeState[];
  communicatedAt?: Instant | undefined;
  communicatedVia?: string[] | undefined;
  /** A pool code given to the guest because this code could not be confirmed on a lock (R4.3, R4.4, R6). */
  backup?: IssuedBackup | undefined;
  /** Backups on further locks at risk, one per lock's pool, each for its own door (R4.4, R6). */
  moreBackups?: IssuedBackup[] | undefined;
}

export interface OfflineCodeIssued {
  accessCodeId: string;
  /** The stay's window rounded outward to the model's granularity (R11.2). */
  startsAt: Instant;
  endsAt: Instant;
  /** The lock accepts the code only if it is first used before this (R11.3). */
  firstUseBy: Instant;
}

export interface IssuedBackup {
  lockId: string;
  /** Empty for an offline code, which comes from no pool. */
  poolCodeId: string;
  pin: string;
  issuedAt: Instant;
  /** Set when this door's code is an offline code (R11): it cannot be deleted and ends by itself. */
  offline?: OfflineCodeIssued | undefined;
}

export interface Reservation extends ReservationDetails {
  hostId: string;
  status: ReservationStatus;
  /** Bumped on every stored change; writes are conditional on it (R9.1). */
  version: number;
  bookedAt: Instant;
  cancelledAt?: Instant | undefined;
  /** `occurred_at` of the newest channel event applied; older events change nothing (R9.1). */
  lastEventAt?: Instant | undefined;
  code: AccessCode;
  timeline: TimelineEntry[];
  /** The listing host who last wrote in the guest's conversation (R5.3). */
  lastHostMessage?: { hostId: string; at: Instant } | undefined;
  /** Messages to the guest, each under its idempotency key (R5). */
  guestMessages?: GuestMessageRecord[] | undefined;
  /** Alert emails sent to the host about this reservation (R8.2). */
  hostAlerts?: HostAlertRecord[] | undefined;
  /** A guest stay on a property with staff (R12): its cancellation re-plans their windows. */
  staffOnProperty?: true | undefined;
}

/**
 * One message to the guest. Written before it is sent (the claim) and after (the routes that took it),
 * so a retried or doubled run never sends it twice. `pin` is the code it carried: stored with the
 * reservation like the code itself, never copied into the timeline (R9.4).
 */
export interface GuestMessageRecord {
  messageId: string;
  /** Lockstep's code message (R5.1), or a host message rendered with the shortcode (R5.5). */
  kind: 'code' | 'host';
  at: Instant;
  /** The listing host it went out as, on a channel (R5.3). */
  from?: string | undefined;
  pin?: string | undefined;
  isBackup?: boolean | undefined;
  /** Routes that took it: a channel name, `email`, `sms`. */
  sent: string[];
  /** Routes that refused it for good, and why. */
  failed?: { route: string; reason: string }[] | undefined;
  /** R5.1 found no message needed; the reason. */
  skipped?: string | undefined;
  /** A run holds it and is sending now. */
  claim?: { token: string; at: Instant } | undefined;
}

/** One alert email to the host; recorded before sending, so it goes out at most once. */
export interface HostAlertRecord {
  messageId: string;
  kind: string;
  at: Instant;
  /** The run that claimed it (and sends it). */
  claimedBy: string;
}

/**
 * `provision` makes a reservation's first attempt and `provision-check` reads its confirmations; only
 * when that leaves a lock to retry does `provision-retry` start the provisioning workflow (R4.1).
 */
export const ENTRY_KINDS = [
  'provision',
  'provision-check',
  'provision-retry',
  'message',
  'delete',
  'backup-check',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

/** A one-time scheduled entry of a reservation (R2.4). It carries ids only, never a PIN (R9.4). */
export interface ScheduledEntry {
  name: string;
  kind: EntryKind;
  at: Instant;
  hostId: string;
  reservationId: string;
  /** The request that caused the entry, for the logs of the invocation it starts; never a PIN (R9.4). */
  correlationId?: string | undefined;
}
