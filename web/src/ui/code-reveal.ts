import { h } from '../dom.ts';

// R13.5: a PIN stays masked until the host asks, and leaving the page drops it with the page. The
// same control for a guest's code and a staff member's.

const MASK = '••••••';

/**
 * `key` tells the focus keeper which reveal button this is when the page redraws; a page that redraws
 * passes `revealed`, the keys the host has revealed, so a redraw keeps them as the host left them.
 */
export function codeReveal(
  pin: string,
  signal: AbortSignal,
  key = 'reveal',
  revealed?: Set<string>,
): HTMLElement {
  const value = h('span', { class: 'pin', 'aria-live': 'polite' }, MASK);
  const button = h('button', { type: 'button', class: 'button', 'data-key': key }, 'Reveal code');
  let shown = false;
  // The button says what it will do next; the PIN itself is announced where it appears.
  const show = (reveal: boolean) => {
    shown = reveal;
    if (reveal) revealed?.add(key);
    else revealed?.delete(key);
    value.textContent = reveal ? pin : MASK;
    button.textContent = reveal ? 'Hide code' : 'Reveal code';
  };
  button.addEventListener('click', () => show(!shown));
  signal.addEventListener('abort', () => show(false));
  if (revealed?.has(key)) show(true);
  return h('span', { class: 'reveal' }, value, button);
}
