import { MemoryStaffStore } from '#adapters/memory/memory-staff-store.ts';
import { staffStoreContract } from './staff-store-contract.ts';

// The staff store contract in memory: the MemoryStaffStore the runtime tests use must do what DynamoStaffStore does.

staffStoreContract('MemoryStaffStore', async () => ({
  subject: new MemoryStaffStore(),
  stop: async () => {},
}));
