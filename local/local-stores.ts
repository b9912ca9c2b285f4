import { DynamoChannelInbox } from '#adapters/aws/dynamo-channel-inbox.ts';
import { DynamoDeliveryRecords } from '#adapters/aws/dynamo-delivery-records.ts';
import { DynamoFeedStore } from '#adapters/aws/dynamo-feed-store.ts';
import { DynamoStaffStore } from '#adapters/aws/dynamo-staff-store.ts';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import type { CapacityMeter } from '#adapters/memory/capacity.ts';
import { MemoryChannelInbox } from '#adapters/memory/memory-channel-inbox.ts';
import { MemoryDeliveryRecords } from '#adapters/memory/memory-delivery-records.ts';
import { MemoryFeedStore } from '#adapters/memory/memory-feed-store.ts';
import { MemoryStaffStore } from '#adapters/memory/memory-staff-store.ts';
import { MemoryStore } from '#adapters/memory/memory-store.ts';
import { type Stores, storesOn } from '#core/deps.ts';
import type { CalendarFeedStore } from '#ports/calendar-feed-store.ts';
import type { ChannelInbox } from '#ports/channel-inbox.ts';
import type { DeliveryRecords } from '#ports/delivery-records.ts';
import type { StaffStore } from '#ports/staff-store.ts';
import type { Activity } from './activity.ts';
import { type AwsCalls, type CallsByFunction, currentFunction, isCounted } from './aws-calls.ts';
import { startLocalDynamo } from './dynamo.ts';

/** Where the local runtime keeps its state: dynalite (as on AWS, one table), or memory (no database). */
export type LocalStoreKind = 'dynalite' | 'memory';

export interface LocalStores {
  stores: Stores;
  /** Calendar feeds (R10), on the same kind of store. */
  feeds: CalendarFeedStore;
  /** Staff members (R12), on the same kind of store. */
  staff: StaffStore;
  deliveries: DeliveryRecords;
  /** The channel webhook's inbox (R9.5); its stream is the runtime's to model. */
  inbox: ChannelInbox;
  stop(): Promise<void>;
  /** The in-memory store's DynamoDB calls by function (empty on dynalite). */
  callsByFunction: CallsByFunction;
}

/** The store ports and delivery records on `kind`; dynalite keeps its data in `dataPath` when given. */
export async function startLocalStores(
  kind: LocalStoreKind,
  activity: Activity,
  calls: AwsCalls,
  dataPath?: string,
): Promise<LocalStores> {
  if (kind === 'memory') {
    const callsByFunction: CallsByFunction = {};
    const meter = countedIn(calls, callsByFunction);
    return {
      stores: storesOn(new MemoryStore(meter)),
      feeds: new MemoryFeedStore(meter),
      staff: new MemoryStaffStore(meter),
      deliveries: new MemoryDeliveryRecords(meter),
      inbox: new MemoryChannelInbox(meter),
      stop: async () => {},
      callsByFunction,
    };
  }
  const dynamo = await startLocalDynamo(activity, calls, dataPath);
  return {
    stores: storesOn(new DynamoStore(dynamo.client, dynamo.tableName)),
    feeds: new DynamoFeedStore(dynamo.client, dynamo.tableName),
    staff: new DynamoStaffStore(dynamo.client, dynamo.tableName),
    deliveries: new DynamoDeliveryRecords(dynamo.client, dynamo.tableName),
    inbox: new DynamoChannelInbox(dynamo.client, dynamo.tableName),
    stop: () => dynamo.stop(),
    callsByFunction: {},
  };
}

/** Counts each call the in-memory adapters stand in for, as dynalite's middleware counts the SDK's. */
function countedIn(calls: AwsCalls, byFunction: CallsByFunction): CapacityMeter {
  const count = (): boolean => {
    if (!isCounted()) return false;
    calls.dynamodb++;
    const label = currentFunction();
    byFunction[label] = (byFunction[label] ?? 0) + 1;
    return true;
  };
  return {
    read: (units) => {
      if (count()) calls.dynamodbReadUnits += units;
    },
    write: (units) => {
      if (count()) calls.dynamodbWriteUnits += units;
    },
  };
}
