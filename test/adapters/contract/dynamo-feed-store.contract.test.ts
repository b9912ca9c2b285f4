import { DynamoFeedStore } from '#adapters/aws/dynamo-feed-store.ts';
import { startLocalDynamo } from '#local/dynamo.ts';
import { feedStoreContract } from './feed-store-contract.ts';

// The feed store contract on DynamoDB: DynamoFeedStore against dynalite, a fresh table for each test;
// once more with pages of 2 items, so listings and the due limit run over several Query pages.

for (const pageLimit of [undefined, 2]) {
  feedStoreContract(`DynamoFeedStore on dynalite${pageLimit ? `, pages of ${pageLimit}` : ''}`, async () => {
    const dynamo = await startLocalDynamo();
    return {
      subject: new DynamoFeedStore(dynamo.client, dynamo.tableName, { pageLimit }),
      stop: () => dynamo.stop(),
    };
  });
}
