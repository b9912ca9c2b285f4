import { MemoryStore } from '#adapters/memory/memory-store.ts';
import { storeContract } from './store-contract.ts';

// The store contract in memory: the MemoryStore the core tests run on must do what DynamoStore does.

storeContract('MemoryStore', async () => ({ subject: new MemoryStore(), stop: async () => {} }));
