import type { ScheduledEntry } from '#core/model.ts';

interface Queued {
  entry: ScheduledEntry;
  seq: number;
}

const earlier = (a: Queued, b: Queued) =>
  a.entry.at < b.entry.at || (a.entry.at === b.entry.at && a.seq < b.seq);

/**
 * Scheduled entries by name, ordered by instant and then by when they were scheduled: a binary heap
 * whose replaced and cancelled entries are dropped as they reach the top, so a portfolio's thousands
 * of entries cost a logarithm per change instead of a sort.
 */
export class EntryQueue {
  private readonly byName = new Map<string, Queued>();
  private readonly heap: Queued[] = [];
  private seq = 0;

  has(name: string): boolean {
    return this.byName.has(name);
  }

  set(entry: ScheduledEntry): void {
    const queued = { entry, seq: this.seq++ };
    this.byName.set(entry.name, queued);
    this.push(queued);
  }

  delete(name: string): void {
    this.byName.delete(name);
  }

  first(): ScheduledEntry | undefined {
    this.dropStale();
    return this.heap[0]?.entry;
  }

  /** Removes and returns every entry due at `now`, in order. */
  takeDue(now: number): ScheduledEntry[] {
    const due: ScheduledEntry[] = [];
    for (let head = this.first(); head !== undefined && head.at <= now; head = this.first()) {
      this.pop();
      this.byName.delete(head.name);
      due.push(head);
    }
    return due;
  }

  ordered(): ScheduledEntry[] {
    return [...this.byName.values()].sort((a, b) => (earlier(a, b) ? -1 : 1)).map((q) => q.entry);
  }

  private dropStale(): void {
    while (this.heap[0] !== undefined && this.byName.get(this.heap[0].entry.name) !== this.heap[0])
      this.pop();
  }

  private push(queued: Queued): void {
    const heap = this.heap;
    heap.push(queued);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!earlier(heap[i] as Queued, heap[parent] as Queued)) break;
      [heap[i], heap[parent]] = [heap[parent] as Queued, heap[i] as Queued];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop();
    if (last === undefined || heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < heap.length && earlier(heap[left] as Queued, heap[smallest] as Queued)) smallest = left;
      if (right < heap.length && earlier(heap[right] as Queued, heap[smallest] as Queued)) smallest = right;
      if (smallest === i) return;
      [heap[i], heap[smallest]] = [heap[smallest] as Queued, heap[i] as Queued];
      i = smallest;
    }
  }
}
