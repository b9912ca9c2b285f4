import { LOCK_EVENT_TYPES, type LockEventType } from '#core/locks/provider-events.ts';
import { signSvixWebhook } from '#core/webhooks/svix.ts';
import type { SandboxOptions } from './sandbox-locks.ts';
import type { SandboxTimers } from './sandbox-timers.ts';

/** The event types a lock provider posts (the list Lockstep's lock webhook route accepts). */
export const LOCK_WEBHOOK_EVENT_TYPES = LOCK_EVENT_TYPES;

/** A lock provider's webhook body, Seam-style. */
export interface LockProviderWebhook {
  event_id: string;
  event_type: LockEventType;
  device_id: string;
  access_code_id?: string;
  /** ISO-8601, UTC. */
  occurred_at: string;
}

/** Seam delivers through Svix, which retries failed deliveries; a fixed minute keeps runs readable. */
export const DELIVERY_RETRY_DELAY_MS = 60_000;
export const DELIVERY_RETRIES = 5;

type SenderOptions = Pick<SandboxOptions, 'now' | 'deliver' | 'webhookSecret' | 'newId'>;

/** The sandbox's outgoing webhooks: each event signed, delivered, and retried until it lands or is dropped. */
export class SandboxWebhookSender {
  private readonly options: SenderOptions;
  private readonly timers: SandboxTimers;
  private dropped = 0;

  constructor(options: SenderOptions, timers: SandboxTimers) {
    this.options = options;
    this.timers = timers;
  }

  /** Webhooks given up on after every retry failed. */
  droppedDeliveries(): number {
    return this.dropped;
  }

  emit(type: LockEventType, deviceId: string, accessCodeId?: string): void {
    const event: LockProviderWebhook = {
      event_id: this.options.newId('evt'),
      event_type: type,
      device_id: deviceId,
      ...(accessCodeId === undefined ? {} : { access_code_id: accessCodeId }),
      occurred_at: new Date(this.options.now()).toISOString(),
    };
    void this.send(event.event_id, JSON.stringify(event), 0);
  }

  /** Each attempt is signed afresh (same id, new timestamp), as Standard Webhooks senders do. */
  private async send(eventId: string, body: string, retriesDone: number): Promise<void> {
    try {
      const headers = { ...signSvixWebhook(this.options.webhookSecret, eventId, this.options.now(), body) };
      await this.options.deliver({ 'content-type': 'application/json', ...headers }, body);
    } catch {
      if (retriesDone < DELIVERY_RETRIES) {
        this.timers.after(DELIVERY_RETRY_DELAY_MS, () => void this.send(eventId, body, retriesDone + 1));
      } else this.dropped++;
    }
  }
}
