/**
 * Counts work the local runtime has started and not finished (handler runs, scheduler entries, SDK
 * requests), so a virtual-time driver only moves the clock when everything has settled.
 */
export class Activity {
  private running = 0;
  private started = 0;

  get busy(): boolean {
    return this.running > 0;
  }

  /** Changes whenever work starts: two equal readings around a pause mean nothing happened. */
  get generation(): number {
    return this.started;
  }

  async track<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    this.started++;
    try {
      return await work();
    } finally {
      this.running--;
    }
  }
}
