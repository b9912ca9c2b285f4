import { request } from '../api/client.ts';
import type { RenderedMessage } from '../api/types.ts';
import { h } from '../dom.ts';
import { formatWhen } from '../format.ts';
import { outcome, runAction } from '../ui/action.ts';

// R13.3, R5.5: render a host message with %smartlock_code% as the guest's code, and optionally send
// it to the guest.

export function renderMessageForm(reservationId: string, guestName: string, zone: string): HTMLElement {
  const firstName = guestName.split(' ')[0] ?? guestName;
  const template = h('textarea', {
    id: 'template',
    name: 'template',
    rows: '3',
    class: 'input',
    'aria-describedby': 'template-hint',
  });
  template.value = `Hi ${firstName}, your door code is %smartlock_code%. See you soon!`;
  const send = h('input', { id: 'send', name: 'send', type: 'checkbox' });
  const button = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-key': 'render' },
    'Render message',
  );
  send.addEventListener('change', () => {
    button.textContent = send.checked ? 'Render and send' : 'Render message';
  });
  const result = outcome('render');
  const rendered = h('blockquote', { class: 'rendered', hidden: true });
  const form = h(
    'form',
    { class: 'stack' },
    h('label', { for: 'template' }, 'Message template'),
    template,
    h(
      'p',
      { id: 'template-hint', class: 'hint' },
      h('code', {}, '%smartlock_code%'),
      ' becomes the guest’s current code.',
    ),
    h('label', { class: 'check' }, send, 'Send it to the guest too'),
    h('div', {}, button),
    result.element,
    rendered,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void runAction(button, result, async () => {
      rendered.hidden = true;
      const answer = await request<RenderedMessage>(
        'POST',
        `/v1/reservations/${encodeURIComponent(reservationId)}/render-message`,
        { template: template.value, send: send.checked },
      );
      rendered.textContent = answer.text;
      rendered.hidden = false;
      const carries = answer.carriesCode ? 'It carries the guest’s code.' : 'It does not carry the code.';
      if (!answer.sent) return `Rendered. ${carries}`;
      return `Sent ${formatWhen(answer.sent.at, zone)} by ${answer.sent.via.join(', ')} as ${answer.sent.from}. ${carries}`;
    });
  });
  return form;
}
