import type { RandomSource } from '#ports/clock.ts';
import type { FaultSettings } from './faults/fault-plan.ts';
import type { LocalStoreKind } from './local-stores.ts';
import type { OutboxEntry } from './outbox.ts';

/** How a local runtime is started: by `npm start`, the simulator and the tests. */
export interface RuntimeOptions {
  /** Seeded by the simulator and tests; a cryptographic source otherwise (R9.4). */
  random?: RandomSource;
  /** How long the sandbox locks take to confirm a change (20 s, as real locks take, when absent). */
  confirmationDelayMs?: number;
  newId?: () => string;
  /**
   * A folder for what must outlive the process (`npm start -- --data DIR`): dynalite's data, the
   * scheduled entries, the running provisioning executions and the channel deliveries not yet acted
   * on. Everything is in memory when absent.
   */
  dataPath?: string;
  /** dynalite when absent; `memory` keeps state in the in-memory store and starts no dynalite. */
  store?: LocalStoreKind;
  channelSecrets?: string[];
  lockProviderSecret?: string;
  onMessage?: (entry: OutboxEntry) => void;
  /** Platform faults to inject (R9.5); none when absent. */
  faults?: FaultSettings;
}
