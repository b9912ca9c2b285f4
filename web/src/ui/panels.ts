import { h } from '../dom.ts';
import { describeError } from './action.ts';

// The states a screen passes through before its content: loading, and a failure it can retry.

export const loadingPanel = (what: string) =>
  h('p', { class: 'loading', role: 'status' }, `Loading ${what}…`);

export const failurePanel = (error: unknown, retry: () => void) =>
  h(
    'div',
    { class: 'panel panel-error', role: 'alert' },
    h('p', {}, `Could not load this page. ${describeError(error)}`),
    h('button', { type: 'button', class: 'button', onclick: retry }, 'Try again'),
  );

/** A screen's heading, focusable so navigation can move focus to it. */
export const screenHeading = (text: string, ...after: (Node | string)[]) =>
  h('div', { class: 'screen-head' }, h('h1', { tabindex: '-1' }, text), ...after);
