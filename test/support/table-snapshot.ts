import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { LocalRuntime } from '#local/runtime.ts';

/** Object keys in order at every depth, so equal items print equal. */
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => [k, sorted(v)]),
  );
}

/**
 * Every item of the runtime's table, sorted, as text: two equal snapshots mean nothing was written.
 * `withDeliveries: false` leaves out webhook delivery records (R9.1), kept for every answered delivery.
 */
export async function tableSnapshot(
  runtime: LocalRuntime,
  options = { withDeliveries: true },
): Promise<string> {
  const { client, tableName } = runtime.deps.reservations as unknown as {
    client: DynamoDBClient;
    tableName: string;
  };
  const items: string[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start as never, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      if (!options.withDeliveries && item.pk?.S?.startsWith('IDEMPOTENCY#')) continue;
      items.push(JSON.stringify(sorted(item)));
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort().join('\n');
}
