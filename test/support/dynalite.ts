import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '#adapters/aws/table.ts';

// dynalite is CommonJS and ships no types: require it with the slice of its API used here, rather than
// declaring the module globally (the local runtime may declare it its own way).
const dynalite = createRequire(import.meta.url)('dynalite') as (options: {
  createTableMs?: number;
  path?: string;
}) => Server;

export interface LocalDynamo {
  client: DynamoDBClient;
  tableName: string;
  stop(): Promise<void>;
}

/** An in-memory dynalite on a loopback port with Lockstep's table created and ACTIVE. */
export async function startDynalite(tableName = 'lockstep'): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // A failure should surface at once, not after backoff (and backoff deadlocks under fake timers).
    maxAttempts: 1,
  });
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  await untilActive(client, tableName);
  return {
    client,
    tableName,
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

// With createTableMs 0 the table turns ACTIVE on dynalite's next timer turn; poll, yielding in between.
async function untilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}
