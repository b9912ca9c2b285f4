import { request } from '../api/client.ts';
import type { ResentMessage } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatWhen } from '../format.ts';
import { outcome, runAction } from '../ui/action.ts';

// R13.3: send the guest Lockstep's code message again (a guest who lost it, or a new phone). Each
// click is one send: its key makes a retried request harmless, and a second click a second message.

export function resendMessage(reservationId: string, zone: string, cancelled: boolean): HTMLElement {
  const button = h(
    'button',
    { type: 'button', class: 'button button-primary', 'data-key': 'resend', disabled: cancelled },
    'Resend code message',
  );
  const result = outcome('resend');
  button.addEventListener('click', () =>
    runAction(button, result, async () => {
      const answer = await request<ResentMessage>(
        'POST',
        `/v1/reservations/${encodeURIComponent(reservationId)}/resend-message`,
        { idempotencyKey: crypto.randomUUID() },
      );
      const which = answer.isBackup ? 'the backup code' : 'the code';
      const from = answer.sent.from ? ` as ${answer.sent.from}` : '';
      return `Sent ${which} ${formatWhen(answer.sent.at, zone)} by ${answer.sent.via.join(', ')}${from}.`;
    }),
  );
  return h(
    'div',
    { class: 'stack resend' },
    h(
      'p',
      { class: 'hint' },
      cancelled
        ? 'The reservation is cancelled: there is no code to send.'
        : 'Sends Lockstep’s code message again, the way the booking is reached (channel, email or SMS).',
    ),
    h('div', {}, button),
    result.element,
  );
}
