import { ApiError } from '../api/client.ts';
import type { Property, StaffSchedule } from '../api/types.ts';
import { entryIndexOf, formFieldOf, type StaffField, type StaffFormValues } from '../data/staff-form.ts';
import { DEFAULT_HOURS_WHEN_NO_NEXT_STAY } from '../data/staff-words.ts';
import { h } from '../dom.ts';
import { outcome, runAction } from '../ui/action.ts';

// R12.1: the form that adds a staff member or changes one. The API validates (R9.2); its error
// names a field, and the page marks that field, says what is wrong next to it and focuses it.

export interface StaffFormOptions {
  /** Ids in this form start with it, so two forms on a page never share one. */
  idPrefix: string;
  properties: readonly Property[];
  initial: StaffFormValues;
  submitLabel: string;
  /** Sends the form; resolves to the message that reports the outcome. */
  save: (values: StaffFormValues) => Promise<string>;
}

const SCHEDULES: [StaffSchedule, string, string][] = [
  ['turnovers', 'Between stays', 'From each stay’s end to the next stay’s start: cleaning, turnovers'],
  ['always', 'Always', 'Day and night, e.g. a caretaker'],
];

const messageWithoutField = (error: Error, field: string | undefined) =>
  field ? error.message.replace(/^[\w.[\]]+: /, '') : error.message;

export interface StaffForm {
  form: HTMLFormElement;
  /** Puts values in the form, e.g. what the API answered after a save. */
  fill(values: StaffFormValues): void;
}

export function staffForm(options: StaffFormOptions): StaffForm {
  const { idPrefix, properties, initial } = options;
  const id = (part: string) => `${idPrefix}-${part}`;
  const errorSpan = (field: StaffField) => h('span', { id: id(`${field}-error`), class: 'field-error' });
  const errors: Record<StaffField, HTMLElement> = {
    name: errorSpan('name'),
    email: errorSpan('email'),
    phone: errorSpan('phone'),
    propertyIds: errorSpan('propertyIds'),
    schedule: errorSpan('schedule'),
    hoursWhenNoNextStay: errorSpan('hoursWhenNoNextStay'),
  };
  const input = (field: StaffField, attributes: Record<string, string | boolean>) =>
    h('input', {
      id: id(field),
      name: field,
      class: 'input',
      'aria-describedby': id(`${field}-error`),
      ...attributes,
    });
  const name = input('name', { type: 'text', autocomplete: 'off', required: true, value: initial.name });
  const email = input('email', { type: 'email', autocomplete: 'off', value: initial.email });
  const phone = input('phone', { type: 'tel', autocomplete: 'off', value: initial.phone });
  const hours = input('hoursWhenNoNextStay', {
    type: 'number',
    inputmode: 'numeric',
    min: '1',
    max: '72',
    value: initial.hours,
  });
  const propertyBoxes = properties.map((p) =>
    h('input', {
      type: 'checkbox',
      id: id(`property-${p.propertyId}`),
      name: 'propertyIds',
      value: p.propertyId,
      checked: initial.propertyIds.includes(p.propertyId),
    }),
  );
  const scheduleRadios = SCHEDULES.map(([value]) =>
    h('input', {
      type: 'radio',
      id: id(`schedule-${value}`),
      name: id('schedule'),
      value,
      checked: initial.schedule === value,
    }),
  );
  const schedule = (): StaffSchedule =>
    (scheduleRadios.find((r) => r.checked)?.value as StaffSchedule | undefined) ?? 'turnovers';
  // The hours matter only between stays: the field is there only then.
  const hoursField = h(
    'div',
    { class: 'field' },
    h('label', { for: hours.id }, 'Hours when no stay follows'),
    hours,
    h('span', { class: 'hint' }, `1 to 72; ${DEFAULT_HOURS_WHEN_NO_NEXT_STAY} if left empty`),
    errors.hoursWhenNoNextStay,
  );
  const showHours = () => {
    hoursField.hidden = schedule() !== 'turnovers';
  };
  for (const radio of scheduleRadios) radio.addEventListener('change', showHours);
  showHours();

  const field = (control: HTMLInputElement, label: string, hint?: string) =>
    h(
      'div',
      { class: 'field' },
      h('label', { for: control.id }, label),
      control,
      hint ? h('span', { class: 'hint' }, hint) : null,
      errors[control.name as StaffField],
    );
  const group = (fieldName: StaffField, legend: string, ...children: Node[]) =>
    h(
      'fieldset',
      { class: 'choices', id: id(`${fieldName}-group`), 'aria-describedby': id(`${fieldName}-error`) },
      h('legend', {}, legend),
      ...children,
      errors[fieldName],
    );
  const choice = (control: HTMLInputElement, label: string, hint?: string) =>
    h(
      'label',
      { class: 'check', for: control.id },
      control,
      h('span', {}, label, hint ? h('span', { class: 'hint' }, ` — ${hint}`) : null),
    );

  const button = h(
    'button',
    { type: 'submit', class: 'button button-primary', 'data-key': id('submit') },
    options.submitLabel,
  );
  const result = outcome(id('result'));
  const form = h(
    'form',
    { class: 'staff-form', novalidate: true },
    h(
      'div',
      { class: 'fields' },
      field(name, 'Name'),
      field(email, 'Email', 'optional: where Lockstep sends their codes'),
      field(phone, 'Phone', 'optional, with country code: +15551234567'),
    ),
    h(
      'div',
      { class: 'fields' },
      group(
        'propertyIds',
        'Properties',
        ...properties.map((p, i) => choice(propertyBoxes[i] as HTMLInputElement, p.name)),
      ),
      group(
        'schedule',
        'When their code works',
        ...SCHEDULES.map(([, label, hint], i) => choice(scheduleRadios[i] as HTMLInputElement, label, hint)),
      ),
      hoursField,
    ),
    h('div', { class: 'row' }, button, result.element),
  );

  // `propertyIds[i]` is the i-th property sent, which is the i-th box ticked.
  const propertyBox = (apiField: string | undefined) =>
    propertyBoxes.filter((b) => b.checked)[entryIndexOf(apiField) ?? -1] ?? propertyBoxes[0];
  const focusTarget: Record<StaffField, (apiField: string | undefined) => HTMLElement | undefined> = {
    name: () => name,
    email: () => email,
    phone: () => phone,
    propertyIds: propertyBox,
    schedule: () => scheduleRadios.find((r) => r.checked) ?? scheduleRadios[0],
    hoursWhenNoNextStay: () => hours,
  };
  const clearErrors = () => {
    for (const error of Object.values(errors)) error.textContent = '';
    for (const control of form.querySelectorAll('[aria-invalid]')) control.removeAttribute('aria-invalid');
  };
  const markError = (error: unknown) => {
    const apiField = error instanceof ApiError ? error.field : undefined;
    const fieldName = formFieldOf(apiField);
    if (!fieldName) return;
    errors[fieldName].textContent = messageWithoutField(error as Error, apiField);
    const target = focusTarget[fieldName](apiField);
    // A named entry is marked alone; a refusal of the whole choice marks every box in it.
    const invalid =
      (fieldName === 'propertyIds' && entryIndexOf(apiField) === undefined) || fieldName === 'schedule'
        ? [...form.querySelectorAll(`#${CSS.escape(id(`${fieldName}-group`))} input`)]
        : [target];
    for (const control of invalid) control?.setAttribute('aria-invalid', 'true');
    target?.focus();
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors();
    const values: StaffFormValues = {
      name: name.value,
      email: email.value,
      phone: phone.value,
      propertyIds: propertyBoxes.filter((b) => b.checked).map((b) => b.value),
      schedule: schedule(),
      hours: hours.value,
    };
    void runAction(button, result, async () => {
      try {
        return await options.save(values);
      } catch (error) {
        markError(error);
        throw error;
      }
    });
  });
  const fill = (values: StaffFormValues) => {
    name.value = values.name;
    email.value = values.email;
    phone.value = values.phone;
    hours.value = values.hours;
    for (const box of propertyBoxes) box.checked = values.propertyIds.includes(box.value);
    for (const radio of scheduleRadios) radio.checked = radio.value === values.schedule;
    showHours();
  };
  return { form, fill };
}
