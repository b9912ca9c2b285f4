import { type AttributeValue, type DynamoDBClient, QueryCommand } from '@aws-sdk/client-dynamodb';
import { ValidationError } from '#core/errors.ts';
import type { Reservation } from '#core/model.ts';
import type { ReservationPage, ReservationQuery } from '#ports/reservation-store.ts';
import { BY_PROPERTY_INDEX, keys } from './table.ts';

type Item = Record<string, AttributeValue>;

const CURSOR_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z#([A-Za-z0-9_.-]{1,64})$/;
const BAD_CURSOR = 'must be a cursor returned by a previous page';

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
  const reservations: Reservation[] = [];
  let start = query.cursor === undefined ? undefined : startKey(decodeCursor(query.cursor));
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
          // '~' sorts after every id character: a window ending exactly at `from` does not overlap.
          ':from': { S: `${new Date(query.from ?? 0).toISOString()}#~` },
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
  return { reservations, cursor: next === undefined ? undefined : Buffer.from(next).toString('base64url') };
}

function decodeCursor(cursor: string): string {
  const gsi1sk = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!CURSOR_KEY.test(gsi1sk)) throw new ValidationError('cursor', BAD_CURSOR);
  return gsi1sk;
}
