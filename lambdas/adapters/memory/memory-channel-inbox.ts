import { EXPIRES_AT, INBOX_KEY_PREFIX, INBOX_SORT_KEY } from '#config/table-layout.ts';
import type { Instant } from '#core/model.ts';
import type { ChannelInbox, EnqueueResult, InboxDelivery } from '#ports/channel-inbox.ts';
import { epochSeconds, recordExpiry } from '../common/delivery-record-lifetime.ts';
import { type CapacityMeter, itemBytes, readUnits, unmetered, writeUnits } from './capacity.ts';

interface InboxItem extends InboxDelivery {
  /** Epoch seconds, as the TTL attribute. */
  expiresAt: number;
}

/** The channel inbox in memory, with DynamoChannelInbox's rules and calls metered as it makes them. */
export class MemoryChannelInbox implements ChannelInbox {
  private readonly items = new Map<string, InboxItem>();
  private readonly meter: CapacityMeter;

  constructor(meter: CapacityMeter = unmetered) {
    this.meter = meter;
  }

  async enqueue(delivery: InboxDelivery, now: Instant): Promise<EnqueueResult> {
    const found = this.items.get(delivery.deliveryId);
    const item = { ...delivery, expiresAt: recordExpiry(now) };
    // A refused conditional put is billed too, for the item it compared against.
    this.meter.write(writeUnits(Math.max(sizeOf(found), sizeOf(item))));
    if (found && found.expiresAt >= epochSeconds(now)) return 'duplicate';
    this.items.set(delivery.deliveryId, item);
    return 'queued';
  }

  async get(deliveryId: string): Promise<InboxDelivery | undefined> {
    const found = this.items.get(deliveryId);
    this.meter.read(readUnits(sizeOf(found), true));
    if (!found) return undefined;
    const { expiresAt: _, ...delivery } = found;
    return delivery;
  }
}

function sizeOf(item: InboxItem | undefined): number {
  if (!item) return 0;
  return itemBytes({
    pk: `${INBOX_KEY_PREFIX}${item.deliveryId}`,
    sk: INBOX_SORT_KEY,
    event: item.event,
    receivedAt: item.receivedAt,
    [EXPIRES_AT]: item.expiresAt,
  });
}
