import { DynamoDeliveryRecords } from '#adapters/aws/dynamo-delivery-records.ts';
import { startLocalDynamo } from '#local/dynamo.ts';
import { deliveryRecordsContract } from './delivery-records-contract.ts';

// The delivery records contract on DynamoDB: DynamoDeliveryRecords against dynalite, fresh per test.

deliveryRecordsContract('DynamoDeliveryRecords on dynalite', async () => {
  const dynamo = await startLocalDynamo();
  return { subject: new DynamoDeliveryRecords(dynamo.client, dynamo.tableName), stop: () => dynamo.stop() };
});
