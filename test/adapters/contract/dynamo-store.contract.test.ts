import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { startLocalDynamo } from '#local/dynamo.ts';
import { storeContract } from './store-contract.ts';

// The store contract on DynamoDB: DynamoStore against dynalite, a fresh table for each test.

storeContract('DynamoStore on dynalite', async () => {
  const dynamo = await startLocalDynamo();
  return { subject: new DynamoStore(dynamo.client, dynamo.tableName), stop: () => dynamo.stop() };
});
