import { DOOR_STATE_LABELS, type DoorState } from '../data/door-status.ts';
import { h } from '../dom.ts';

// Status as colour and words together: the colour helps at a glance, the words carry the meaning.

type ChipTone = DoorState | 'ok' | 'warning' | 'problem' | 'neutral';

export const chip = (tone: ChipTone, text: string, title?: string) =>
  h(
    'span',
    { class: `chip chip-${tone}`, title },
    h('span', { class: 'chip-dot', 'aria-hidden': 'true' }),
    text,
  );

/** A door's code status: "Front door: Set", or with a limit "Front door: Offline code, first use before …". */
export const doorChip = (lockName: string, state: DoorState, note = '') =>
  chip(state, `${lockName}: ${DOOR_STATE_LABELS[state]}${note ? `, ${note}` : ''}`);
