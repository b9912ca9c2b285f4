import type { AccessCodeIndex } from '#ports/access-code-index.ts';
import type { BackupPoolStore } from '#ports/backup-pool-store.ts';
import type { CalendarFeedStore } from '#ports/calendar-feed-store.ts';
import type { ChannelMessenger } from '#ports/channel-messaging.ts';
import type { Clock, RandomSource } from '#ports/clock.ts';
import type { FeedFetcher } from '#ports/feed-fetcher.ts';
import type { HostAccountStore } from '#ports/host-account-store.ts';
import type { HostNotifier } from '#ports/host-notifier.ts';
import type { LockConnectionStore } from '#ports/lock-connection-store.ts';
import type { LockProvider } from '#ports/lock-provider.ts';
import type { LockStore } from '#ports/lock-store.ts';
import type { EmailSender, SmsSender } from '#ports/messaging.ts';
import type { Metrics } from '#ports/metrics.ts';
import type { OutboundWebhooks } from '#ports/outbound-webhooks.ts';
import type { PropertyStore } from '#ports/property-store.ts';
import type { ReservationStore } from '#ports/reservation-store.ts';
import type { Scheduler } from '#ports/scheduler.ts';
import type { StaffStore } from '#ports/staff-store.ts';
import type { Workflows } from '#ports/workflows.ts';
import type { LockProviderName } from './model.ts';

/**
 * Lockstep's state, one small port per kind of item. Every key carries the host id (R9.3); on AWS
 * one DynamoDB table serves them all.
 */
export interface Stores {
  properties: PropertyStore;
  locks: LockStore;
  connections: LockConnectionStore;
  reservations: ReservationStore;
  accessCodes: AccessCodeIndex;
  pools: BackupPoolStore;
  hostAccounts: HostAccountStore;
}

/** An adapter that keeps every kind of item (the DynamoDB table, the in-memory store). */
export type EveryStore = PropertyStore &
  LockStore &
  LockConnectionStore &
  ReservationStore &
  AccessCodeIndex &
  BackupPoolStore &
  HostAccountStore;

/** One adapter for all seven store ports. */
export function storesOn(store: EveryStore): Stores {
  return {
    properties: store,
    locks: store,
    connections: store,
    reservations: store,
    accessCodes: store,
    pools: store,
    hostAccounts: store,
  };
}

/** Everything the use cases reach outside the core through; wired by each composition root. */
export interface Deps extends Stores {
  scheduler: Scheduler;
  workflows: Workflows;
  lockProvider: (name: LockProviderName) => LockProvider;
  email: EmailSender;
  sms: SmsSender;
  /** Guest messages on airbnb, vrbo and booking go through the channel (R5.2). */
  channelMessenger: ChannelMessenger;
  /** Alert emails to the host (R8.2). */
  hostNotifier: HostNotifier;
  /** Signed `access_method.*` events to the host's endpoint (R6.5). */
  outboundWebhooks: OutboundWebhooks;
  /** Operational counters (codes set, retries, backups, messages); never a PIN (R9.4). */
  metrics: Metrics;
  clock: Clock;
  random: RandomSource;
  /** Calendar feeds (R10); their own table items, kept apart from `storesOn`'s seven ports. */
  feeds: CalendarFeedStore;
  /** Staff members (R12), items of their own beside the host's other items. */
  staff: StaffStore;
  /** Reads a feed's URL (R10.7): https and public addresses only on AWS. */
  feedFetcher: FeedFetcher;
  /** Fresh ids for new resources; deterministic in simulations. */
  newId: () => string;
}
