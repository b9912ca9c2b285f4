import { MemoryDeliveryRecords } from '#adapters/memory/memory-delivery-records.ts';
import { deliveryRecordsContract } from './delivery-records-contract.ts';

// The delivery records contract in memory, as the runtime's in-memory store option wires them.

deliveryRecordsContract('MemoryDeliveryRecords', async () => ({
  subject: new MemoryDeliveryRecords(),
  stop: async () => {},
}));
