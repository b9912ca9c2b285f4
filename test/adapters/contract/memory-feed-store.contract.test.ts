import { MemoryFeedStore } from '#adapters/memory/memory-feed-store.ts';
import { feedStoreContract } from './feed-store-contract.ts';

// The feed store contract in memory: the MemoryFeedStore the core tests run on must do what DynamoFeedStore does.

feedStoreContract('MemoryFeedStore', async () => ({ subject: new MemoryFeedStore(), stop: async () => {} }));
