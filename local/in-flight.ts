/**
 * Counts work under way (requests to the local store, inbox consumer runs), so a caller can wait
 * until none is: closing the store between requests, or reading what the inbox led to.
 */
export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  async during<T>(work: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await work();
    } finally {
      if (--this.count === 0) for (const resolve of this.waiters.splice(0)) resolve();
    }
  }

  /** Resolves once nothing is under way (work started while waiting is waited for too). */
  async settled(): Promise<void> {
    while (this.count > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }
}
