import type { DeliveryRecords } from '#ports/delivery-records.ts';
import type { HttpRoute } from './http.ts';
import { idempotentDelivery } from './idempotent-delivery.ts';
import { admitLockEvent, type LockWebhookDeps, lockWebhook } from './lock-webhook.ts';

// The lock provider's webhook route as deployed: each delivery's signature checked and body parsed
// once, at admission, and the admitted event acted on once per delivery id (R9.1). The channel's
// route stores its deliveries for the inbox consumer instead (channel-intake.ts).

export function lockDeliveries(deps: LockWebhookDeps, records: DeliveryRecords): HttpRoute {
  return idempotentDelivery(
    {
      sender: 'locks',
      records,
      now: () => deps.clock.now(),
      metrics: deps.metrics,
      admit: (request, now) => admitLockEvent(deps.lockWebhooks, request, now),
    },
    lockWebhook(deps),
  );
}
