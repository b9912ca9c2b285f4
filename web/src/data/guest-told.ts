import type { AccessView } from '../api/types.ts';

// R8.1: whether and when the guest was told a code. The code's own `communicatedAt` says when its
// PIN went out; a code message that carried a backup or an offline code instead (R4.4, R11.2) told
// the guest too, though the code itself stays uncommunicated.

export interface Told {
  at: string;
  via: string[];
}

export function guestTold(view: Pick<AccessView, 'code' | 'messages'>): Told | undefined {
  const { communicatedAt, communicatedVia } = view.code;
  if (communicatedAt) return { at: communicatedAt, via: communicatedVia ?? [] };
  const sent = view.messages.find((m) => m.kind === 'code' && m.sent.length > 0 && m.at);
  return sent?.at ? { at: sent.at, via: sent.sent } : undefined;
}
