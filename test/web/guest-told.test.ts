import { describe, expect, it } from 'vitest';
import type { AccessView } from '../../web/src/api/types.ts';
import { guestTold } from '../../web/src/data/guest-told.ts';

// R8.1, R13.2: whether the guest was told a code, for the arrivals board and the reservation page.

type Message = AccessView['messages'][number];

const view = (code: Partial<AccessView['code']>, messages: Partial<Message>[] = []) =>
  ({ code, messages: messages.map((m) => ({ kind: 'code', isBackup: false, sent: [], ...m })) }) as Pick<
    AccessView,
    'code' | 'messages'
  >;

describe('R8.1 the guest was told', () => {
  it('when their code was communicated, and how', () => {
    expect(
      guestTold(view({ communicatedAt: '2026-12-02T22:00:00.000Z', communicatedVia: ['email'] })),
    ).toEqual({
      at: '2026-12-02T22:00:00.000Z',
      via: ['email'],
    });
  });

  it('R4.4, R11.2 when a code message carried a backup or offline code instead of their own', () => {
    const told = guestTold(
      view({}, [{ at: '2026-12-02T22:58:35.990Z', isBackup: true, sent: ['email', 'sms'] }]),
    );
    expect(told).toEqual({ at: '2026-12-02T22:58:35.990Z', via: ['email', 'sms'] });
  });

  it('not when the code message went nowhere or is not a code message', () => {
    expect(guestTold(view({}, [{ at: '2026-12-02T22:58:35.990Z', sent: [] }]))).toBeUndefined();
    expect(
      guestTold(view({}, [{ kind: 'host', at: '2026-12-02T22:58:35.990Z', sent: ['sms'] }])),
    ).toBeUndefined();
    expect(guestTold(view({}))).toBeUndefined();
  });
});
