import type { HttpResponse } from '#handlers/http/http.ts';
import type { ChannelInbox, InboxDelivery } from '#ports/channel-inbox.ts';
import type { FailedWork } from '#ports/failed-work.ts';
import { INBOX_CONSUMER } from '../lambdas/functions/catalog.ts';
import type { Activity } from './activity.ts';
import type { AsyncInvocations, AsyncWork } from './async-invocations.ts';
import { uncounted } from './aws-calls.ts';
import { InFlight } from './in-flight.ts';
import type { JsonListFile } from './json-list-file.ts';

/**
 * How long the stream's poller waits before each retry of a failed record: AWS documents no fixed
 * delay (the shard is retried until the record succeeds, runs out of `retryAttempts` or expires);
 * a second, doubling, is the model (docs/decisions.md, "Platform faults").
 */
export const STREAM_RETRY_DELAYS_MS: readonly number[] = Array.from(
  { length: INBOX_CONSUMER.retryAttempts },
  (_, i) => 1000 * 2 ** i,
);

export type InboxConsumer = (delivery: InboxDelivery) => Promise<HttpResponse>;
type OutcomeListener = (deliveryId: string, outcome: HttpResponse) => void;

/**
 * The table's stream and its event source mapping, locally (R9.5): each inbox item actually
 * written (an ambiguous write that was applied included) invokes the consumer at once, as its own
 * tracked work; a failure is retried after STREAM_RETRY_DELAYS_MS, then goes to the on-failure
 * destination, from which the sweep runs it again. Each delivery's outcome is kept for the tests,
 * the simulator and the demo, which read what the partner once got as the webhook's answer.
 */
export class LocalInboxStream {
  private readonly activity: Activity;
  private readonly asyncInvocations: AsyncInvocations;
  private readonly consume: InboxConsumer;
  private store: ChannelInbox | undefined;
  private readonly outcomes = new Map<string, HttpResponse>();
  private readonly listeners: OutcomeListener[] = [];
  private readonly running = new InFlight();
  /** Deliveries stored and not yet acted on: the stream's unread records, which a restart reads on. */
  private readonly unread: InboxDelivery[];
  private readonly file: JsonListFile<InboxDelivery> | undefined;

  constructor(options: {
    activity: Activity;
    asyncInvocations: AsyncInvocations;
    consume: InboxConsumer;
    /** Keeps the unread deliveries on disk (`npm start -- --data DIR`). */
    file?: JsonListFile<InboxDelivery> | undefined;
  }) {
    this.activity = options.activity;
    this.asyncInvocations = options.asyncInvocations;
    this.consume = options.consume;
    this.file = options.file;
    this.unread = options.file?.load() ?? [];
  }

  /** After a restart: the deliveries the last process stored and did not finish run now. */
  resume(): number {
    const pending = [...this.unread];
    for (const delivery of pending) this.start(delivery);
    return pending.length;
  }

  /** `inbox` with its stream: the consumer runs for each put that stored an item. */
  streamed(inbox: ChannelInbox): ChannelInbox {
    this.store = inbox;
    return {
      enqueue: async (delivery, now) => {
        const result = await inbox.enqueue(delivery, now);
        if (result === 'queued') {
          this.unread.push(delivery);
          this.file?.save(this.unread);
          this.start(delivery);
        }
        return result;
      },
      get: (deliveryId) => inbox.get(deliveryId),
    };
  }

  /** A delivery back from the on-failure destination: read again from the inbox (the sweep's read). */
  redrive(work: FailedWork): AsyncWork {
    return {
      work,
      run: async () => {
        const delivery = await this.queued(work.name);
        if (delivery) await this.work(delivery).run();
      },
      retryDelaysMs: STREAM_RETRY_DELAYS_MS,
    };
  }

  /** The inbox item of a delivery, as stored (the simulator's and tests' own look-up, not counted). */
  queued(deliveryId: string): Promise<InboxDelivery | undefined> {
    return uncounted(async () => this.store?.get(deliveryId));
  }

  /** What the consumer made of a delivery, once it has run to the end. */
  outcome(deliveryId: string): HttpResponse | undefined {
    return this.outcomes.get(deliveryId);
  }

  /** Hears each delivery's outcome as the consumer records it. */
  onOutcome(listener: OutcomeListener): void {
    this.listeners.push(listener);
  }

  /** Resolves once no consumer run is under way (retries waiting on a timer do not count). */
  drained(): Promise<void> {
    return this.running.settled();
  }

  private start(delivery: InboxDelivery): void {
    void this.activity.track(() => this.asyncInvocations.invoke(this.work(delivery)));
  }

  private work(delivery: InboxDelivery): AsyncWork {
    return {
      work: { kind: 'channel-delivery', ...aboutWhom(delivery.event), name: delivery.deliveryId },
      run: () =>
        this.running.during(async () => {
          const outcome = await this.consume(delivery);
          this.read(delivery.deliveryId);
          if (!this.outcomes.has(delivery.deliveryId)) {
            this.outcomes.set(delivery.deliveryId, outcome);
            for (const listener of this.listeners) listener(delivery.deliveryId, outcome);
          }
        }),
      retryDelaysMs: STREAM_RETRY_DELAYS_MS,
    };
  }

  /** The delivery was acted on: the stream moves past it. */
  private read(deliveryId: string): void {
    const at = this.unread.findIndex((d) => d.deliveryId === deliveryId);
    if (at < 0) return;
    this.unread.splice(at, 1);
    this.file?.save(this.unread);
  }
}

/** The host and stay a delivery is about, for the failures the host and the report see. */
function aboutWhom(event: string): { hostId: string; reservationId: string } {
  const e = JSON.parse(event) as {
    host_id?: string;
    reservation?: { id?: string };
    message?: { reservation_id?: string };
  };
  return { hostId: e.host_id ?? '', reservationId: e.reservation?.id ?? e.message?.reservation_id ?? '' };
}
