import { describe, expect, it } from 'vitest';
import { chooseSender } from '#core/messages/sender.ts';
import type { Channel } from '#core/model.ts';

const r = (channel: Channel, last?: string) => ({
  channel,
  lastHostMessage: last === undefined ? undefined : { hostId: last, at: 0 },
});

describe('R5.3 the sender of a channel message', () => {
  it('is, on airbnb with several hosts, the host who last wrote in the conversation', () => {
    expect(chooseSender(r('airbnb', 'h2'), ['h1', 'h2', 'h3'])).toBe('h2');
  });

  it('is the primary host when nobody wrote yet', () => {
    expect(chooseSender(r('airbnb'), ['h1', 'h2'])).toBe('h1');
  });

  it('is the primary host when the last writer is no longer a host of the listing', () => {
    expect(chooseSender(r('airbnb', 'h9'), ['h1', 'h2'])).toBe('h1');
  });

  it('is the last writer when the listing names no hosts', () => {
    expect(chooseSender(r('airbnb', 'h2'), undefined)).toBe('h2');
    expect(chooseSender(r('airbnb'), undefined)).toBeUndefined();
  });

  it('is the primary host on vrbo and booking, whoever wrote last', () => {
    expect(chooseSender(r('vrbo', 'h2'), ['h1', 'h2'])).toBe('h1');
    expect(chooseSender(r('booking', 'h2'), ['h1', 'h2'])).toBe('h1');
  });

  it('does not exist for email and SMS', () => {
    expect(chooseSender(r('direct', 'h2'), ['h1', 'h2'])).toBeUndefined();
    expect(chooseSender(r('manual'), ['h1'])).toBeUndefined();
  });
});
