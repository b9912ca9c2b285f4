import { h } from '../dom.ts';
import { signIn } from '../session.ts';

// Without a token: how to get one locally (R13.1), or paste one. On AWS, Cognito's sign-in takes
// this place (out of scope here).

export function renderSignIn(root: HTMLElement, notice: string | undefined, onSignedIn: () => void): void {
  const input = h('input', {
    id: 'token',
    name: 'token',
    type: 'password',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    class: 'input',
  });
  const form = h(
    'form',
    { class: 'stack' },
    h('label', { for: 'token' }, 'Bearer token'),
    input,
    h('button', { type: 'submit', class: 'button button-primary' }, 'Sign in'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    signIn(input.value);
    onSignedIn();
  });
  root.replaceChildren(
    h(
      'main',
      { id: 'main', class: 'main sign-in' },
      h(
        'div',
        { class: 'card sign-in-card' },
        h('h1', {}, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Sign in to Lockstep'),
        notice ? h('p', { class: 'outcome outcome-error', role: 'alert' }, notice) : null,
        h(
          'p',
          {},
          'Open the ',
          h('strong', {}, 'Dashboard:'),
          ' link that ',
          h('code', {}, 'npm start'),
          ' prints, or paste the bearer token it prints.',
        ),
        form,
      ),
    ),
  );
}
