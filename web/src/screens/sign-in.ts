import { h } from '../dom.ts';
import { signIn } from '../session.ts';

// Without a token. On AWS: a button to the user pool's sign-in page (R13.1). Locally: how to get the
// demo host's link, or paste the token `npm start` prints.

export type SignInMethod = { kind: 'demo'; onSignedIn: () => void } | { kind: 'cognito'; start: () => void };

function demoForm(onSignedIn: () => void): HTMLElement[] {
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
  return [
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
  ];
}

function cognitoButton(start: () => void): HTMLElement[] {
  const button = h('button', { type: 'button', class: 'button button-primary' }, 'Sign in');
  button.addEventListener('click', () => {
    button.disabled = true;
    button.textContent = 'Opening the sign-in page…';
    start();
  });
  return [h('p', {}, 'Sign in with your Lockstep host account.'), button];
}

export function renderSignIn(root: HTMLElement, notice: string | undefined, method: SignInMethod): void {
  root.replaceChildren(
    h(
      'main',
      { id: 'main', class: 'main sign-in' },
      h(
        'div',
        { class: 'card sign-in-card' },
        h('h1', {}, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }), 'Sign in to Lockstep'),
        notice ? h('p', { class: 'outcome outcome-error', role: 'alert' }, notice) : null,
        method.kind === 'demo' ? demoForm(method.onSignedIn) : cognitoButton(method.start),
      ),
    ),
  );
}
