import {
  type AttributeValue,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type PutItemCommandInput,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { PoolCode, PoolHealth } from '#core/backup/pool.ts';
import type { Instant, Lock, LockProviderName, Property, Reservation } from '#core/model.ts';
import { ConflictError, StaleWriteError } from '#ports/errors.ts';
import type {
  AccessCodeRef,
  DeviceRef,
  HostContact,
  LockAccount,
  LockConnection,
  ReservationPage,
  ReservationQuery,
  Store,
} from '#ports/store.ts';
import { isAwsError } from './aws-error.ts';
import { pageReservations } from './reservation-pages.ts';
import {
  ACCESS_CODE_SORT_KEY,
  BY_DUE_INDEX,
  BY_PROPERTY_INDEX,
  CONTACT_SORT_KEY,
  DEVICE_SORT_KEY,
  dueDays,
  dueShard,
  keys,
  sortKeyPrefix,
} from './table.ts';

type Item = Record<string, AttributeValue>;
type Condition = Pick<
  PutItemCommandInput,
  'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'
>;
type Kind =
  | 'property'
  | 'lock'
  | 'reservation'
  | 'device'
  | 'accessCode'
  | 'lockConnection'
  | 'hostContact'
  | 'lockAccount'
  | 'poolCode'
  | 'poolHealth';

export interface DynamoStoreOptions {
  /** Items per Query page; only tests set it, to exercise pagination without megabytes of data. */
  pageLimit?: number | undefined;
}

/**
 * The Store on one DynamoDB table (key design in table.ts). Items are `{ pk, sk, kind, body }` with
 * the entity as a JSON string; attributes used in conditions or filters are also kept top-level.
 */
export class DynamoStore implements Store {
  private readonly client: DynamoDBClient;
  private readonly tableName: string;
  private readonly pageLimit: number | undefined;

  constructor(client: DynamoDBClient, tableName: string, options: DynamoStoreOptions = {}) {
    this.client = client;
    this.tableName = tableName;
    this.pageLimit = options.pageLimit;
  }

  getProperty(hostId: string, propertyId: string): Promise<Property | undefined> {
    return this.get<Property>(keys.host(hostId), keys.property(propertyId));
  }

  async putProperty(property: Property): Promise<void> {
    await this.put(
      item(keys.host(property.hostId), keys.property(property.propertyId), 'property', property),
    );
  }

  listProperties(hostId: string): Promise<Property[]> {
    return this.query<Property>(keys.host(hostId), sortKeyPrefix.property);
  }

  getLock(hostId: string, lockId: string): Promise<Lock | undefined> {
    return this.get<Lock>(keys.host(hostId), keys.lock(lockId));
  }

  async putLock(lock: Lock): Promise<void> {
    const ref: DeviceRef = {
      provider: lock.provider,
      deviceId: lock.deviceId,
      hostId: lock.hostId,
      lockId: lock.lockId,
    };
    // The reference goes first and may not move a device to another host: webhooks follow it, so
    // claiming someone else's device id would route their lock's events to this host (R9.3). The error
    // names no owner.
    await this.putIf(
      {
        ...item(keys.device(lock.provider, lock.deviceId), DEVICE_SORT_KEY, 'device', ref),
        hostId: s(lock.hostId),
      },
      {
        ConditionExpression: 'attribute_not_exists(pk) OR hostId = :hostId',
        ExpressionAttributeValues: { ':hostId': s(lock.hostId) },
      },
      () => new ConflictError(`device ${lock.provider}/${lock.deviceId} cannot be registered`),
    );
    await this.put(item(keys.host(lock.hostId), keys.lock(lock.lockId), 'lock', lock));
  }

  listLocks(hostId: string): Promise<Lock[]> {
    return this.query<Lock>(keys.host(hostId), sortKeyPrefix.lock);
  }

  findDevice(provider: LockProviderName, deviceId: string): Promise<DeviceRef | undefined> {
    return this.get<DeviceRef>(keys.device(provider, deviceId), DEVICE_SORT_KEY);
  }

  getReservation(hostId: string, reservationId: string): Promise<Reservation | undefined> {
    return this.get<Reservation>(keys.host(hostId), keys.reservation(reservationId));
  }

  async createReservation(reservation: Reservation): Promise<void> {
    await this.putIf(
      reservationItem(reservation),
      { ConditionExpression: 'attribute_not_exists(pk)' },
      () => new ConflictError(`reservation ${reservation.reservationId} exists`),
    );
  }

  async saveReservation(reservation: Reservation, expectedVersion: number): Promise<void> {
    await this.putIf(
      reservationItem(reservation),
      // Also false when the item is missing, so a save never creates a reservation.
      {
        ConditionExpression: '#version = :expected',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':expected': n(expectedVersion) },
      },
      () =>
        new StaleWriteError(
          `reservation ${reservation.reservationId} is no longer at version ${expectedVersion}`,
        ),
    );
  }

  // The byProperty index skips past stays: its sort key starts with the window's end.
  listReservations(hostId: string, propertyId: string, endingAfter = 0): Promise<Reservation[]> {
    return this.paginate<Reservation>({
      IndexName: BY_PROPERTY_INDEX.name,
      KeyConditionExpression: '#pk = :pk AND #sk >= :from',
      ExpressionAttributeNames: { '#pk': BY_PROPERTY_INDEX.partitionKey, '#sk': BY_PROPERTY_INDEX.sortKey },
      ExpressionAttributeValues: {
        ':pk': s(keys.propertyReservations(hostId, propertyId)),
        ':from': s(new Date(endingAfter).toISOString()),
      },
    });
  }

  pageReservations(hostId: string, propertyId: string, query: ReservationQuery): Promise<ReservationPage> {
    return pageReservations(this.client, this.tableName, hostId, propertyId, query);
  }

  getLockConnection(hostId: string, lockId: string): Promise<LockConnection | undefined> {
    return this.get<LockConnection>(keys.host(hostId), keys.lockConnection(lockId));
  }

  saveLockConnection(next: LockConnection, expectedVersion: number | undefined): Promise<boolean> {
    const key = item(keys.host(next.hostId), keys.lockConnection(next.lockId), 'lockConnection', next);
    return this.putVersioned(key, next.version, expectedVersion);
  }

  async listDueReservations(shard: number, from: Instant, to: Instant): Promise<Reservation[]> {
    const pages = await Promise.all(
      dueDays(from, to).map((day) =>
        this.paginate<Reservation>({
          IndexName: BY_DUE_INDEX.name,
          KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
          ExpressionAttributeNames: { '#pk': BY_DUE_INDEX.partitionKey, '#sk': BY_DUE_INDEX.sortKey },
          ExpressionAttributeValues: {
            ':pk': s(keys.due(day, shard)),
            ':from': s(new Date(from).toISOString()),
            // '~' sorts after every id character, so codes due exactly at `to` are included.
            ':to': s(`${new Date(to).toISOString()}#~`),
          },
        }),
      ),
    );
    return pages.flat();
  }

  listPoolCodes(hostId: string, lockId: string): Promise<PoolCode[]> {
    return this.query<PoolCode>(keys.host(hostId), keys.poolOfLock(lockId));
  }

  savePoolCode(code: PoolCode, expectedVersion: number | undefined): Promise<boolean> {
    const key = item(keys.host(code.hostId), keys.poolCode(code.lockId, code.poolCodeId), 'poolCode', code);
    return this.putVersioned(key, code.version, expectedVersion);
  }

  async deletePoolCode(hostId: string, lockId: string, poolCodeId: string): Promise<void> {
    await this.client.send(
      new DeleteItemCommand({
        TableName: this.tableName,
        Key: { pk: s(keys.host(hostId)), sk: s(keys.poolCode(lockId, poolCodeId)) },
      }),
    );
  }

  getPoolHealth(hostId: string, lockId: string): Promise<PoolHealth | undefined> {
    return this.get<PoolHealth>(keys.host(hostId), keys.poolHealth(lockId));
  }

  savePoolHealth(health: PoolHealth, expectedVersion: number | undefined): Promise<boolean> {
    const key = item(keys.host(health.hostId), keys.poolHealth(health.lockId), 'poolHealth', health);
    return this.putVersioned(key, health.version, expectedVersion);
  }

  /** One conditional put on `version`: false when another writer came first. */
  private async putVersioned(
    base: Item,
    version: number,
    expectedVersion: number | undefined,
  ): Promise<boolean> {
    const condition: Condition =
      expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': n(expectedVersion) },
          };
    try {
      await this.putIf(
        { ...base, version: n(version) },
        condition,
        () => new StaleWriteError('changed meanwhile'),
      );
      return true;
    } catch (error) {
      if (error instanceof StaleWriteError) return false;
      throw error;
    }
  }

  async putLockAccount(account: LockAccount): Promise<void> {
    await this.put(
      item(keys.host(account.hostId), keys.lockAccount(account.provider), 'lockAccount', account),
    );
  }

  listLockAccounts(hostId: string): Promise<LockAccount[]> {
    return this.query<LockAccount>(keys.host(hostId), sortKeyPrefix.lockAccount);
  }

  getHostContact(hostId: string): Promise<HostContact | undefined> {
    return this.get<HostContact>(keys.host(hostId), CONTACT_SORT_KEY);
  }

  async putHostContact(contact: HostContact): Promise<void> {
    await this.put(item(keys.host(contact.hostId), CONTACT_SORT_KEY, 'hostContact', contact));
  }

  async putAccessCodeRef(ref: AccessCodeRef): Promise<void> {
    await this.put(
      item(keys.accessCode(ref.provider, ref.accessCodeId), ACCESS_CODE_SORT_KEY, 'accessCode', ref),
    );
  }

  findAccessCode(provider: LockProviderName, accessCodeId: string): Promise<AccessCodeRef | undefined> {
    return this.get<AccessCodeRef>(keys.accessCode(provider, accessCodeId), ACCESS_CODE_SORT_KEY);
  }

  private async get<T>(pk: string, sk: string): Promise<T | undefined> {
    // Strongly consistent: reservations are read to be conditionally rewritten, and provider webhooks
    // may arrive moments after the reference they look up was written.
    const { Item } = await this.client.send(
      new GetItemCommand({ TableName: this.tableName, Key: { pk: s(pk), sk: s(sk) }, ConsistentRead: true }),
    );
    return Item === undefined ? undefined : body<T>(Item);
  }

  private async put(Item: Item): Promise<void> {
    await this.client.send(new PutItemCommand({ TableName: this.tableName, Item }));
  }

  /** A conditional put; a failed condition becomes the domain error `rejected` builds. */
  private async putIf(Item: Item, condition: Condition, rejected: () => Error): Promise<void> {
    try {
      await this.client.send(new PutItemCommand({ TableName: this.tableName, Item, ...condition }));
    } catch (error) {
      if (isAwsError(error, 'ConditionalCheckFailedException')) throw rejected();
      throw error;
    }
  }

  private query<T>(pk: string, prefix: string): Promise<T[]> {
    return this.paginate<T>({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': s(pk), ':prefix': s(prefix) },
    });
  }

  private async paginate<T>(input: Omit<QueryCommandInput, 'TableName'>): Promise<T[]> {
    const results: T[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.client.send(
        new QueryCommand({
          ...input,
          TableName: this.tableName,
          ExclusiveStartKey: startKey,
          Limit: this.pageLimit,
        }),
      );
      for (const found of page.Items ?? []) results.push(body<T>(found));
      startKey = page.LastEvaluatedKey;
    } while (startKey !== undefined);
    return results;
  }
}

const s = (value: string): AttributeValue => ({ S: value });
const n = (value: number): AttributeValue => ({ N: String(value) });

function item(pk: string, sk: string, kind: Kind, entity: object): Item {
  return { pk: s(pk), sk: s(sk), kind: s(kind), body: s(JSON.stringify(entity)) };
}

// `version` is the condition of every save (R9.1); the gsi1 keys place it in the byProperty index.
/** The stored form of a reservation; exported for bulk loads (bench). */
export function reservationItem(r: Reservation): Item {
  return {
    ...item(keys.host(r.hostId), keys.reservation(r.reservationId), 'reservation', r),
    version: n(r.version),
    [BY_PROPERTY_INDEX.partitionKey]: s(keys.propertyReservations(r.hostId, r.propertyId)),
    [BY_PROPERTY_INDEX.sortKey]: s(`${new Date(r.code.activeUntil).toISOString()}#${r.reservationId}`),
    // Filters a date-range listing on the window's start (pageReservations).
    activeFrom: n(r.code.activeFrom),
    // Sparse: only accepted stays are due for the healthcheck (R4.3).
    ...(r.status === 'accepted' && {
      [BY_DUE_INDEX.partitionKey]: s(
        keys.due(new Date(r.code.activeFrom).toISOString().slice(0, 10), dueShard(r.hostId, r.reservationId)),
      ),
      [BY_DUE_INDEX.sortKey]: s(
        `${new Date(r.code.activeFrom).toISOString()}#${r.hostId}#${r.reservationId}`,
      ),
    }),
  };
}

function body<T>(found: Item): T {
  const json = found.body?.S;
  if (json === undefined) throw new Error(`item ${found.pk?.S}/${found.sk?.S} has no body`);
  return JSON.parse(json) as T;
}
