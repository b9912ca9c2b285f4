import type { ChannelMessenger } from '#ports/channel-messaging.ts';
import type { Clock, RandomSource } from '#ports/clock.ts';
import type { HostNotifier } from '#ports/host-notifier.ts';
import type { LockProvider } from '#ports/lock-provider.ts';
import type { EmailSender, SmsSender } from '#ports/messaging.ts';
import type { Metrics } from '#ports/metrics.ts';
import type { OutboundWebhooks } from '#ports/outbound-webhooks.ts';
import type { Scheduler } from '#ports/scheduler.ts';
import type { Store } from '#ports/store.ts';
import type { Workflows } from '#ports/workflows.ts';
import type { LockProviderName } from './model.ts';

/** Everything the use cases reach outside the core through; wired by each composition root. */
export interface Deps {
  store: Store;
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
  /** Fresh ids for new resources; deterministic in simulations. */
  newId: () => string;
}
