import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import type { Reservation } from '#core/model.ts';
import type { ReservationPage, ReservationQuery } from '#ports/reservation-store.ts';
import { decodeCursor, encodeCursor, endingAfter, keys } from '../common/store-keys.ts';
import { BY_PROPERTY_INDEX } from './table.ts';

type Item = Record<string, AttributeValue>;

/**
 * One page of a property's reservations from the byProperty index (table.ts): windows ending after
 * `from` by the key condition, starting before `to` by a filter. The cursor is the last index sort
 * key read; the rest of the start key is rebuilt from the caller's own partition, so no cursor can
 * reach into another host's reservations (R9.3).
 */
export async function pageReservations(
  client: DynamoDBClient,
  tableName: string,
  hostId: string,
  propertyId: string,
  query: ReservationQuery,
): Promise<ReservationPage> {
  const gsi1pk = keys.propertyReservations(hostId, propertyId);
  const hostKey = keys.host(hostId);
  const startKey = (gsi1sk: string): Item => ({
    pk: { S: hostKey },
    sk: { S: keys.reservation(gsi1sk.slice(gsi1sk.indexOf('#') + 1)) },
    [BY_PROPERTY_INDEX.partitionKey]: { S: gsi1pk },
    [BY_PROPERTY_INDEX.sortKey]: { S: gsi1sk },
  });
  const filter = query.to !== undefined;
  const lowest = endingAfter(query.from ?? 0);
  const reservations: Reservation[] = [];
  // A cursor below the key condition would be DynamoDB's own ValidationException: refused first.
  let start = query.cursor === undefined ? undefined : startKey(decodeCursor(query.cursor, lowest));
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: BY_PROPERTY_INDEX.name,
        KeyConditionExpression: '#pk = :pk AND #sk >= :from',
        ...(filter ? { FilterExpression: '#activeFrom < :to' } : {}),
        ExpressionAttributeNames: {
          '#pk': BY_PROPERTY_INDEX.partitionKey,
          '#sk': BY_PROPERTY_INDEX.sortKey,
          ...(filter ? { '#activeFrom': 'activeFrom' } : {}),
        },
        ExpressionAttributeValues: {
          ':pk': { S: gsi1pk },
          // A window ending exactly at `from` does not overlap.
          ':from': { S: lowest },
          ...(filter ? { ':to': { N: String(query.to) } } : {}),
        },
        ExclusiveStartKey: start,
        Limit: query.limit - reservations.length,
      }),
    );
    for (const found of page.Items ?? [])
      reservations.push(JSON.parse(found.body?.S ?? 'null') as Reservation);
    const last = page.LastEvaluatedKey?.[BY_PROPERTY_INDEX.sortKey]?.S;
    start = last === undefined ? undefined : startKey(last);
  } while (start !== undefined && reservations.length < query.limit);
  const next = start?.[BY_PROPERTY_INDEX.sortKey]?.S;
  return { reservations, cursor: next === undefined ? undefined : encodeCursor(next) };
}
