import { removeStaffMember } from '../api/staff.ts';
import type { StaffSummary } from '../api/types.ts';
import { h } from '../dom.ts';
import { outcome, runAction } from '../ui/action.ts';

// R12.2: removing a staff member removes every code of theirs from the locks at once. The host says
// so twice: the first button asks, the second does it.

export function staffRemoval(member: StaffSummary, onRemoved: (message: string) => void): HTMLElement {
  const result = outcome('remove-staff');
  const ask = h(
    'button',
    { type: 'button', class: 'button', 'data-key': 'remove-staff' },
    `Remove ${member.name}`,
  );
  const confirm = h(
    'button',
    { type: 'button', class: 'button button-danger', 'data-key': 'confirm-remove' },
    `Yes, remove ${member.name} and their codes`,
  );
  const cancel = h('button', { type: 'button', class: 'button button-quiet' }, 'Keep them');
  const question = h(
    'div',
    { class: 'panel panel-warning confirm', role: 'group', 'aria-label': 'Confirm the removal' },
    h(
      'p',
      {},
      `All of ${member.name}’s codes are removed from the locks at once: they can no longer get in.`,
    ),
    h('div', { class: 'row' }, confirm, cancel),
  );
  question.hidden = true;
  ask.addEventListener('click', () => {
    question.hidden = false;
    ask.hidden = true;
    confirm.focus();
  });
  cancel.addEventListener('click', () => {
    question.hidden = true;
    ask.hidden = false;
    ask.focus();
  });
  confirm.addEventListener('click', () =>
    runAction(confirm, result, async () => {
      await removeStaffMember(member.staffId);
      const message = `Removed ${member.name}: their codes are being removed from the locks.`;
      onRemoved(message);
      return message;
    }),
  );
  return h(
    'div',
    { class: 'stack' },
    h('p', { class: 'hint' }, 'Their codes leave every lock at once; guests’ codes are not touched.'),
    h('div', {}, ask),
    question,
    result.element,
  );
}
