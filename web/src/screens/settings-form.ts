import { ApiError, request } from '../api/client.ts';
import type { Property, UpdatedProperty } from '../api/types.ts';
import { h } from '../dom.ts';
import { outcome, runAction } from '../ui/action.ts';

// A property's settings (PATCH /v1/properties/{id}). Only the fields the host changed are sent, and
// the API's own validation answers: its error names the field, which is marked and focused (R9.2).

type Field =
  | 'name'
  | 'timeZone'
  | 'bufferBeforeMinutes'
  | 'bufferAfterMinutes'
  | 'codeSource'
  | 'backupCodes';

export function settingsForm(initial: Property): HTMLElement {
  let property = initial;
  const id = (field: Field) => `${property.propertyId}-${field}`;
  const input = (field: Field, attributes: Record<string, string>) =>
    h('input', {
      id: id(field),
      name: field,
      class: 'input',
      'aria-describedby': `${id(field)}-error`,
      ...attributes,
    });
  const fields = {
    name: input('name', { type: 'text' }),
    timeZone: input('timeZone', { type: 'text', spellcheck: 'false' }),
    bufferBeforeMinutes: input('bufferBeforeMinutes', { type: 'number', inputmode: 'numeric' }),
    bufferAfterMinutes: input('bufferAfterMinutes', { type: 'number', inputmode: 'numeric' }),
    codeSource: h(
      'select',
      { id: id('codeSource'), name: 'codeSource', class: 'input' },
      h('option', { value: 'random' }, 'A random PIN'),
      h('option', { value: 'phone' }, 'The last digits of the guest’s phone'),
    ),
    backupCodes: h('input', { id: id('backupCodes'), name: 'backupCodes', type: 'checkbox' }),
  };
  const fill = () => {
    fields.name.value = property.name;
    fields.timeZone.value = property.settings.timeZone;
    fields.bufferBeforeMinutes.value = String(property.settings.bufferBeforeMinutes);
    fields.bufferAfterMinutes.value = String(property.settings.bufferAfterMinutes);
    fields.codeSource.value = property.settings.codeSource;
    fields.backupCodes.checked = property.settings.backupCodes;
  };
  fill();
  const errors = new Map<Field, HTMLElement>();
  const row = (field: Field, label: string, hint?: string) => {
    const error = h('span', { id: `${id(field)}-error`, class: 'field-error' });
    errors.set(field, error);
    if (field === 'backupCodes')
      return h(
        'div',
        { class: 'field field-check' },
        h('label', { class: 'check' }, fields[field], label),
        error,
      );
    const note = hint ? h('span', { class: 'hint' }, hint) : null;
    return h('div', { class: 'field' }, h('label', { for: id(field) }, label), fields[field], note, error);
  };
  /** Numbers go as numbers; anything else as typed, for the API to name what is wrong with it. */
  const number = (value: string) =>
    value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  const changes = () => {
    const now: Record<Field, unknown> = {
      name: fields.name.value,
      timeZone: fields.timeZone.value,
      bufferBeforeMinutes: number(fields.bufferBeforeMinutes.value),
      bufferAfterMinutes: number(fields.bufferAfterMinutes.value),
      codeSource: fields.codeSource.value,
      backupCodes: fields.backupCodes.checked,
    };
    const before: Record<Field, unknown> = { name: property.name, ...property.settings };
    return Object.fromEntries(
      Object.entries(now).filter(([field, value]) => before[field as Field] !== value),
    );
  };
  const button = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-key': `save-${property.propertyId}` },
    'Save settings',
  );
  const result = outcome(`settings-${property.propertyId}`);
  const form = h(
    'form',
    { class: 'settings', novalidate: true, 'aria-label': `Settings of ${property.name}` },
    h(
      'div',
      { class: 'fields' },
      row('name', 'Name'),
      row('timeZone', 'Time zone', 'IANA name, e.g. America/New_York'),
      row('bufferBeforeMinutes', 'Buffer before check-in', 'minutes the code works early'),
      row('bufferAfterMinutes', 'Buffer after check-out', 'minutes the code keeps working'),
      row('codeSource', 'Guest PIN'),
      row('backupCodes', 'Backup codes on the locks'),
    ),
    h('div', { class: 'row' }, button, result.element),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const [field, error] of errors) {
      error.textContent = '';
      fields[field].removeAttribute('aria-invalid');
    }
    const body = changes();
    void runAction(button, result, async () => {
      if (Object.keys(body).length === 0) return 'Nothing to save: no setting changed.';
      try {
        const updated = await request<UpdatedProperty>(
          'PATCH',
          `/v1/properties/${encodeURIComponent(property.propertyId)}`,
          body,
        );
        property = updated;
        fill();
        const moved = updated.reservationsMoved.length;
        if (moved === 0) return 'Saved.';
        return `Saved. ${moved === 1 ? 'One reservation’s code window' : `${moved} reservations’ code windows`} moved.`;
      } catch (error) {
        const field = error instanceof ApiError ? (error.field as Field | undefined) : undefined;
        if (field && field in fields) {
          fields[field].setAttribute('aria-invalid', 'true');
          const message = errors.get(field);
          // The API's message starts with the field's name, which the label already says.
          if (message) message.textContent = (error as Error).message.replace(`${field}: `, '');
          fields[field].focus();
        }
        throw error;
      }
    });
  });
  return form;
}
