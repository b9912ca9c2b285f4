import { AsyncLocalStorage } from 'node:async_hooks';

/** One piece of tracked work, and the work it was started in (so parking reaches its callers too). */
interface Work {
  parent: Work | undefined;
  /** Parkings holding it now; parked work waits on the virtual clock alone. */
  parks: number;
  done: boolean;
}

/** A handle on the work running where it was taken, to park from elsewhere (a server's callback). */
export interface Parking {
  /** From now on this work waits on nothing but a virtual timer: it no longer keeps the clock still. */
  park(): void;
  /** It is running again (or over); idempotent. */
  release(): void;
}

/**
 * Counts work the local runtime has started and not finished (handler runs, scheduler entries, SDK
 * requests), so a virtual-time driver only moves the clock when everything has settled. Work that
 * waits on something only the clock can end (a request a test server holds until the caller's own
 * timeout) is parked: it does not count while it waits.
 */
export class Activity {
  private running = 0;
  private started = 0;
  private parked = 0;
  private readonly current = new AsyncLocalStorage<Work>();

  get busy(): boolean {
    return this.running > this.parked;
  }

  /** Changes whenever work starts: two equal readings around a pause mean nothing happened. */
  get generation(): number {
    return this.started;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    const entry: Work = { parent: this.current.getStore(), parks: 0, done: false };
    this.running++;
    this.started++;
    try {
      return await this.current.run(entry, work);
    } finally {
      this.running--;
      entry.done = true;
      // Work that ends while parked (its caller gave up on it) stops offsetting the count.
      if (entry.parks > 0) this.parked--;
    }
  }

  /** The work running here and every work it runs in, to park together when what they await stalls. */
  parking(): Parking {
    const chain: Work[] = [];
    for (let w = this.current.getStore(); w; w = w.parent) chain.push(w);
    let parked = false;
    return {
      park: () => {
        if (parked) return;
        parked = true;
        for (const w of chain) if (!w.done && w.parks++ === 0) this.parked++;
      },
      release: () => {
        if (!parked) return;
        parked = false;
        for (const w of chain) if (!w.done && --w.parks === 0) this.parked--;
      },
    };
  }
}
