import { ApiError } from '../api/client.ts';
import { h } from '../dom.ts';

// R13.5: every action reports its outcome or an understandable error, in a live region that screen
// readers announce.

export interface Outcome {
  element: HTMLElement;
  show(text: string, tone?: 'ok' | 'error'): void;
}

export function outcome(key: string): Outcome {
  const element = h('p', { class: 'outcome', role: 'status', 'aria-live': 'polite', 'data-outcome': key });
  return {
    element,
    show(text, tone = 'ok') {
      element.className = `outcome outcome-${tone}`;
      element.textContent = text;
    },
  };
}

export const describeError = (error: unknown) =>
  error instanceof ApiError ? error.describe() : `Something went wrong: ${String(error)}`;

/** Runs an action from a button: busy while it runs, then its outcome or its error. */
export async function runAction(
  button: HTMLButtonElement,
  result: Outcome,
  action: () => Promise<string>,
): Promise<boolean> {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  result.show('Working…');
  try {
    result.show(await action());
    return true;
  } catch (error) {
    result.show(describeError(error), 'error');
    return false;
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
