import type { Instant } from '#core/model.ts';
import type {
  DeliveryClaim,
  DeliveryRecords,
  DeliverySender,
  StoredResponse,
} from '#ports/delivery-records.ts';
import { epochSeconds, recordExpiry, STALE_CLAIM_MS } from '../common/delivery-record-lifetime.ts';

/** One delivery's record as the DynamoDB item holds it; `expiresAt` in epoch seconds, as its TTL. */
type DeliveryRecord =
  | { state: 'in_progress'; claimedAt: Instant; expiresAt: number }
  | { state: 'completed'; response: string; expiresAt: number };

/**
 * Delivery records (R9.1) in memory, with DynamoDeliveryRecords' rules: a claim succeeds on a new,
 * expired or abandoned record; an expired record counts as absent, as once DynamoDB's TTL removed it.
 */
export class MemoryDeliveryRecords implements DeliveryRecords {
  private readonly records = new Map<string, DeliveryRecord>();

  async claim(sender: DeliverySender, deliveryId: string, now: Instant): Promise<DeliveryClaim> {
    const id = recordId(sender, deliveryId);
    const found = this.records.get(id);
    const claimable =
      found === undefined ||
      found.expiresAt < epochSeconds(now) ||
      (found.state === 'in_progress' && found.claimedAt < now - STALE_CLAIM_MS);
    if (claimable) {
      this.records.set(id, { state: 'in_progress', claimedAt: now, expiresAt: recordExpiry(now) });
      return { kind: 'claimed' };
    }
    return found.state === 'completed' && found.response
      ? { kind: 'replay', response: JSON.parse(found.response) as StoredResponse }
      : { kind: 'in_progress' };
  }

  async complete(
    sender: DeliverySender,
    deliveryId: string,
    response: StoredResponse,
    now: Instant,
  ): Promise<void> {
    // Kept as JSON text, as on DynamoDB: a replay is a copy of the answer as it was.
    this.records.set(recordId(sender, deliveryId), {
      state: 'completed',
      response: JSON.stringify(response),
      expiresAt: recordExpiry(now),
    });
  }

  async release(sender: DeliverySender, deliveryId: string): Promise<void> {
    this.records.delete(recordId(sender, deliveryId));
  }
}

const recordId = (sender: DeliverySender, deliveryId: string) => `${sender}#${deliveryId}`;
