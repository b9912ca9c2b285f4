import { DynamoStaffStore } from '#adapters/aws/dynamo-staff-store.ts';
import { startLocalDynamo } from '#local/dynamo.ts';
import { staffStoreContract } from './staff-store-contract.ts';

// The staff store contract on DynamoDB: DynamoStaffStore against dynalite, a fresh table for each test.

staffStoreContract('DynamoStaffStore on dynalite', async () => {
  const dynamo = await startLocalDynamo();
  return { subject: new DynamoStaffStore(dynamo.client, dynamo.tableName), stop: () => dynamo.stop() };
});
