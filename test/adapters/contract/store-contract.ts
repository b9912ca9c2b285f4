import { describe } from 'vitest';
import { type AllStores, freshPerTest, type Start } from './harness.ts';
import { entityContract } from './store-contract-entities.ts';
import { pageContract } from './store-contract-pages.ts';
import { reservationContract } from './store-contract-reservations.ts';
import { versionContract } from './store-contract-versions.ts';

/**
 * Registers the store contract, what every adapter of the seven store ports does alike, against the
 * adapter `start` makes on empty state for each test.
 */
export function storeContract(adapter: string, start: Start<AllStores>): void {
  describe(`${adapter}: store contract`, () => {
    const store = freshPerTest(start);
    entityContract(store);
    reservationContract(store);
    pageContract(store);
    versionContract(store);
  });
}
