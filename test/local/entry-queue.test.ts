import { describe, expect, it } from 'vitest';
import type { ScheduledEntry } from '#core/model.ts';
import { EntryQueue } from '#local/entry-queue.ts';

// The local scheduler's queue (R2.4's entries): earliest first, same-instant entries in the order
// they were scheduled, a rescheduled entry only at its new instant, a cancelled one never.

const entry = (name: string, at: number): ScheduledEntry => ({
  name,
  kind: 'message',
  at,
  hostId: 'h1',
  reservationId: name,
});

describe('EntryQueue', () => {
  it('R2.4 takes what is due in instant order, same-instant entries in scheduling order', () => {
    const queue = new EntryQueue();
    for (const [name, at] of [
      ['c', 30],
      ['a', 10],
      ['b1', 20],
      ['b2', 20],
      ['late', 99],
    ] as const)
      queue.set(entry(name, at));

    expect(queue.takeDue(20).map((e) => e.name)).toEqual(['a', 'b1', 'b2']);
    expect(queue.first()?.name).toBe('c');
    expect(queue.has('a')).toBe(false);
  });

  it('R2.4 fires a rescheduled entry at its new instant only, and a cancelled one never', () => {
    const queue = new EntryQueue();
    queue.set(entry('moved', 10));
    queue.set(entry('gone', 15));
    queue.set(entry('moved', 50));
    queue.delete('gone');

    expect(queue.takeDue(40)).toEqual([]);
    expect(queue.ordered().map((e) => [e.name, e.at])).toEqual([['moved', 50]]);
    expect(queue.takeDue(50).map((e) => e.name)).toEqual(['moved']);
    expect(queue.first()).toBeUndefined();
  });

  it('keeps its order over many entries scheduled out of order', () => {
    const queue = new EntryQueue();
    const instants = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1000);
    instants.forEach((at, i) => {
      queue.set(entry(`e${i}`, at));
    });
    const taken = queue.takeDue(1000).map((e) => e.at);
    expect(taken).toEqual([...instants].sort((a, b) => a - b));
  });
});
