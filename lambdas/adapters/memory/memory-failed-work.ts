import type { FailedWork, FailedWorkQueue } from '#ports/failed-work.ts';

/** The on-failure destination in memory, for the local runtime; `sent` keeps the record of it all. */
export class MemoryFailedWorkQueue implements FailedWorkQueue {
  readonly sent: FailedWork[] = [];
  private waiting: FailedWork[] = [];

  async send(work: FailedWork): Promise<void> {
    this.sent.push(work);
    this.waiting.push(work);
  }

  async takeAll(): Promise<FailedWork[]> {
    const taken = this.waiting;
    this.waiting = [];
    return taken;
  }
}
