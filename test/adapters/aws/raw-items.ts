import { type AttributeValue, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { LocalDynamo } from '#local/dynamo.ts';

// The table's items as DynamoDB holds them, for the tests of their layout (what only DynamoDB has).

export async function rawItem(
  dynamo: LocalDynamo,
  pk: string,
  sk: string,
): Promise<Record<string, AttributeValue> | undefined> {
  const { Item } = await dynamo.client.send(
    new GetItemCommand({ TableName: dynamo.tableName, Key: { pk: { S: pk }, sk: { S: sk } } }),
  );
  return Item;
}
