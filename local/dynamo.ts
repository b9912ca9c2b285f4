import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '#adapters/aws/table.ts';
import { Activity } from './activity.ts';
import { type AwsCalls, noAwsCalls } from './aws-calls.ts';

// dynalite is CommonJS without types: require it with the slice of its API used here.
const dynalite = createRequire(import.meta.url)('dynalite') as (options: {
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
  path?: string;
}) => Server;

export interface LocalDynamo {
  client: DynamoDBClient;
  tableName: string;
  stop(): Promise<void>;
}

/**
 * dynalite in-process on loopback, with the table created before any fake timer is installed
 * (a table created under fake timers stays CREATING). Every request is counted and tracked.
 */
export async function startLocalDynamo(
  activity: Activity = new Activity(),
  calls: AwsCalls = noAwsCalls(),
  path?: string,
): Promise<LocalDynamo> {
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(path ? { path } : {}),
  });
  // The SDK keeps sockets alive; a server closing idle ones after 5 s of real time races a reuse
  // (ECONNRESET, and the client makes one attempt only), so idle sockets stay open.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // The SDK's retry backoff runs on timers, which a virtual clock would hold forever.
    maxAttempts: 1,
  });
  client.middlewareStack.add(
    (next) => (args) => {
      calls.dynamodb++;
      return activity.track(() => next(args));
    },
    { step: 'initialize', name: 'lockstepLocalActivity' },
  );
  const tableName = 'lockstep';
  const exists = await client.send(new DescribeTableCommand({ TableName: tableName })).then(
    () => true,
    () => false,
  );
  if (!exists) await client.send(new CreateTableCommand(createTableInput(tableName)));
  await untilActive(client, tableName);
  calls.dynamodb = 0;
  return {
    client,
    tableName,
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
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
