import { EXPIRES_AT } from '#config/table-layout.ts';
import type { Instant } from '#core/model.ts';
import type {
  DeliveryClaim,
  DeliveryRecords,
  DeliverySender,
  StoredResponse,
} from '#ports/delivery-records.ts';
import { epochSeconds, recordExpiry, STALE_CLAIM_MS } from '../common/delivery-record-lifetime.ts';
import { type CapacityMeter, itemBytes, readUnits, unmetered, writeUnits } from './capacity.ts';

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
  private readonly meter: CapacityMeter;

  /** `meter` hears of each call DynamoDeliveryRecords would make, with its capacity units. */
  constructor(meter: CapacityMeter = unmetered) {
    this.meter = meter;
  }

  async claim(
    sender: DeliverySender,
    deliveryId: string,
    now: Instant,
    staleAfterMs = STALE_CLAIM_MS,
  ): Promise<DeliveryClaim> {
    const id = recordId(sender, deliveryId);
    const found = this.records.get(id);
    const claimable =
      found === undefined ||
      found.expiresAt < epochSeconds(now) ||
      (found.state === 'in_progress' && found.claimedAt < now - staleAfterMs);
    if (claimable) {
      this.set(id, { state: 'in_progress', claimedAt: now, expiresAt: recordExpiry(now) });
      return { kind: 'claimed' };
    }
    // DynamoDeliveryRecords' refused put, then its read of the record.
    this.meter.write(writeUnits(recordBytes(id, found)));
    this.meter.read(readUnits(recordBytes(id, found), true));
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
    this.set(recordId(sender, deliveryId), {
      state: 'completed',
      response: JSON.stringify(response),
      expiresAt: recordExpiry(now),
    });
  }

  async release(sender: DeliverySender, deliveryId: string): Promise<void> {
    const id = recordId(sender, deliveryId);
    this.meter.write(writeUnits(recordBytes(id, this.records.get(id))));
    this.records.delete(id);
  }

  private set(id: string, record: DeliveryRecord): void {
    const before = recordBytes(id, this.records.get(id));
    this.meter.write(writeUnits(Math.max(before, recordBytes(id, record))));
    this.records.set(id, record);
  }
}

/** The size of the item DynamoDeliveryRecords writes for the record; nothing stored is 0. */
function recordBytes(id: string, record: DeliveryRecord | undefined): number {
  if (record === undefined) return 0;
  const { expiresAt, ...fields } = record;
  return itemBytes({ pk: `IDEMPOTENCY#${id}`, sk: 'DELIVERY', ...fields, [EXPIRES_AT]: expiresAt });
}

const recordId = (sender: DeliverySender, deliveryId: string) => `${sender}#${deliveryId}`;
