import type { FaultPlan } from './fault-plan.ts';

type Deliver = (headers: Record<string, string>, body: string) => Promise<void>;

const MINUTE = 60_000;

/**
 * The lock provider's confirmation webhooks as they really arrive: some never (the provider thinks
 * it delivered), some twice, some late. Only access-code events are confirmations; a device's
 * connection events pass as they are.
 */
export function faultyLockDeliveries(plan: FaultPlan, deliver: Deliver): Deliver {
  const { lostWebhookRate, duplicateWebhookRate, webhookDelayMinutes } = plan.settings.lockProvider;
  const [minDelay, maxDelay] = webhookDelayMinutes;
  return async (headers, body) => {
    if (!isConfirmation(body)) return deliver(headers, body);
    const draw = plan.stream(`lock-webhook|${body}`);
    if (plan.roll(draw, lostWebhookRate, 'lostLockWebhook')) return;
    const delayMinutes = minDelay + draw() * (maxDelay - minDelay);
    if (delayMinutes > 0) {
      plan.count('lateLockWebhook');
      await new Promise((resolve) => setTimeout(resolve, Math.round(delayMinutes * MINUTE)));
    }
    await deliver(headers, body);
    if (plan.roll(draw, duplicateWebhookRate, 'duplicateLockWebhook')) await deliver(headers, body);
  };
}

function isConfirmation(body: string): boolean {
  const type = (JSON.parse(body) as { event_type?: string }).event_type ?? '';
  return type.startsWith('access_code.');
}
