import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createTableInput } from '#adapters/aws/table.ts';
import { Activity } from './activity.ts';
import { type AwsCalls, isCounted, noAwsCalls } from './aws-calls.ts';
import { InFlight } from './in-flight.ts';

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
 * (a table created under fake timers stays CREATING). Every request is tracked, and counted unless
 * the simulator made it for its own look-ups (`uncounted`).
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
  skipSigning(client);
  const inFlight = new InFlight();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const counted = isCounted();
      if (counted) calls.dynamodb++;
      const kind = CAPACITY_KINDS[context.commandName ?? ''];
      // Capacity units consumed, for the cost per reservation (npm run bench); the adapters ignore it.
      if (kind) (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity ??= 'TOTAL';
      const result = await inFlight.during(() => activity.track(() => next(args)));
      if (kind && counted) calls[kind] += consumedUnits(result.output);
      return result;
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
  calls.dynamodbReadUnits = 0;
  calls.dynamodbWriteUnits = 0;
  return {
    client,
    tableName,
    stop: async () => {
      // A request dynalite is still serving would write to a closed database (an uncaught error).
      await inFlight.settled();
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const CAPACITY_KINDS: Record<string, 'dynamodbReadUnits' | 'dynamodbWriteUnits'> = {
  GetItemCommand: 'dynamodbReadUnits',
  QueryCommand: 'dynamodbReadUnits',
  ScanCommand: 'dynamodbReadUnits',
  BatchGetItemCommand: 'dynamodbReadUnits',
  PutItemCommand: 'dynamodbWriteUnits',
  UpdateItemCommand: 'dynamodbWriteUnits',
  DeleteItemCommand: 'dynamodbWriteUnits',
  BatchWriteItemCommand: 'dynamodbWriteUnits',
};

function consumedUnits(output: unknown): number {
  const consumed = (
    output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }
  )?.ConsumedCapacity;
  const all = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
  return all.reduce((sum, c) => sum + (c.CapacityUnits ?? 0), 0);
}

// dynalite wants an Authorization header but never checks the signature: SigV4 signing was a quarter
// of every local call's time (npm run bench, docs/performance.md), so a fixed header stands in for it.
const UNSIGNED_AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0';

function skipSigning(client: DynamoDBClient): void {
  client.middlewareStack.remove('httpSigningMiddleware');
  client.middlewareStack.add(
    (next) => (args) => {
      const request = args.request as { headers?: Record<string, string> };
      if (request.headers) {
        request.headers.authorization = UNSIGNED_AUTHORIZATION;
        request.headers['x-amz-date'] = '20260101T000000Z';
      }
      return next(args);
    },
    { step: 'finalizeRequest', name: 'lockstepLocalUnsigned' },
  );
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
