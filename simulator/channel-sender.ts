import { signedDelivery } from '#local/channel-partner.ts';
import type { FaultPlan } from '#local/faults/fault-plan.ts';
import type { LocalRuntime } from '#local/runtime.ts';
import { atTracked } from './probes.ts';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
/** The partner's redelivery after a 5xx or no answer: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const REDELIVERY_DELAYS_MS = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
];

export interface Delivery {
  type: string;
  reservationId: string;
  eventId: string;
  body: string;
}

/** A 5xx, or an answer saying to come back later (a delivery still being processed, throttling). */
const tryAgain = (status: number) => status >= 500 || status === 409 || status === 429;

/**
 * The channel partner's side of a webhook delivery: signed at each attempt, redelivered on a 5xx
 * or a 409 on the partner's schedule, and with faults now and then delivered twice at once (R9.1, R9.5).
 * Any other 4xx is final: the partner records the refusal (`onRefused`) and stops.
 */
export class ChannelSender {
  private readonly runtime: LocalRuntime;
  private readonly secret: string;
  private readonly plan: FaultPlan | undefined;
  private readonly onRefused: (delivery: Delivery, status: number, message: string) => void;

  constructor(
    runtime: LocalRuntime,
    secret: string,
    onRefused: (delivery: Delivery, status: number, message: string) => void,
  ) {
    this.runtime = runtime;
    this.secret = secret;
    this.plan = runtime.faults.plan;
    this.onRefused = onRefused;
  }

  /** Delivers now (settling after the first attempt and its immediate redelivery); later ones are timers. */
  async send(delivery: Delivery): Promise<void> {
    const plan = this.plan;
    const doubled = plan
      ? plan.roll(
          plan.stream(`channel|${delivery.eventId}`),
          plan.settings.channelWebhooks.duplicateRate,
          'duplicateChannelDelivery',
        )
      : false;
    await Promise.all(
      doubled ? [this.attempt(delivery, 0), this.attempt(delivery, 0)] : [this.attempt(delivery, 0)],
    );
  }

  private async attempt(delivery: Delivery, tried: number): Promise<void> {
    const reply = await this.runtime.request({
      method: 'POST',
      path: '/webhooks/channel',
      ...signedDelivery(this.secret, delivery.eventId, Date.now(), delivery.body),
    });
    const status = reply.statusCode ?? 500;
    if (status < 300) return;
    const delay = REDELIVERY_DELAYS_MS[tried];
    if (tryAgain(status) && delay !== undefined) {
      if (delay === 0) return this.attempt(delivery, tried + 1);
      atTracked(this.runtime, Date.now() + delay, () => this.attempt(delivery, tried + 1));
      return;
    }
    const error = JSON.parse(reply.body ?? '{}') as { error?: { message?: string } };
    this.onRefused(delivery, status, error.error?.message ?? '');
  }
}
