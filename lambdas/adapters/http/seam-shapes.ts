import * as z from 'zod';
import type { LockFailureReason } from '#core/errors.ts';
import type { CodeOnDevice, CodeStatus, DeviceStatus, ReportedConstraints } from '#ports/lock-provider.ts';

// Seam's JSON, read tolerantly (unknown fields are dropped), and its mapping onto the port's types.

/** Seam error types (HTTP `error.type`, access-code `errors[].error_code`) the domain tells apart. */
const REASONS: Readonly<Record<string, LockFailureReason>> = {
  duplicate_code_on_device: 'duplicate_code',
  duplicate_access_code: 'duplicate_code',
  no_space_for_access_code_on_device: 'no_space',
  august_device_slots_full: 'no_space',
  smartthings_no_free_slots_available: 'no_space',
  device_offline: 'device_offline',
  device_disconnected: 'device_offline',
  hub_disconnected: 'device_offline',
  august_lock_temporarily_offline: 'device_offline',
  // The provider account or the lock's bridge lost its connection: the lock is out of reach, not refusing.
  account_disconnected: 'device_offline',
  bridge_disconnected: 'device_offline',
  failed_to_set_on_device: 'failed_to_set',
};

/** Any other refusal is a failure to set; the type goes into the message, never Seam's own text. */
export const reasonForSeamType = (type: string | undefined): LockFailureReason =>
  (type !== undefined && REASONS[type]) || 'failed_to_set';

/** Seam's `errors` list (older responses used a map keyed by code); the first error's reason. */
export function failureOf(errors: unknown): LockFailureReason | undefined {
  const list = Array.isArray(errors)
    ? errors
    : errors && typeof errors === 'object'
      ? Object.keys(errors)
      : [];
  const first: unknown = list[0];
  if (typeof first === 'string') return reasonForSeamType(first);
  if (first && typeof first === 'object' && 'error_code' in first && typeof first.error_code === 'string') {
    return reasonForSeamType(first.error_code);
  }
  return undefined;
}

export const SeamAccessCode = z.object({
  access_code_id: z.string().min(1),
  device_id: z.string().min(1),
  code: z.string().nullish(),
  name: z.string().nullish(),
  is_managed: z.boolean().optional(),
  status: z.string().optional(),
  is_scheduled_on_device: z.boolean().optional(),
  starts_at: z.string().nullish(),
  ends_at: z.string().nullish(),
  errors: z.unknown().optional(),
});
export type SeamAccessCode = z.infer<typeof SeamAccessCode>;

const Constraint = z.object({ constraint_type: z.string(), max_length: z.number().optional() });

const DeviceError = z.object({ error_code: z.string() });

export const SeamDevice = z.object({
  device_id: z.string().min(1),
  device_type: z.string().optional(),
  can_program_online_access_codes: z.boolean().optional(),
  can_program_offline_access_codes: z.boolean().optional(),
  errors: z.array(DeviceError).optional(),
  properties: z
    .object({
      online: z.boolean().optional(),
      supported_code_lengths: z.array(z.number()).optional(),
      max_active_codes_supported: z.number().optional(),
      supports_backup_access_code_pool: z.boolean().optional(),
      code_constraints: z.array(Constraint).optional(),
    })
    .optional(),
});
export type SeamDevice = z.infer<typeof SeamDevice>;

/** The action attempt Seam returns with a mutation; an `error` one means the request failed. */
export const SeamActionAttempt = z.object({
  status: z.string().optional(),
  error: z.object({ type: z.string().optional() }).nullish(),
});

/**
 * Providers whose locks store a time-bound code ahead of its window ("native scheduling": preloaded
 * 72 h early). Seam schedules the others itself, just in time, so the code reaches them only around
 * `starts_at` (Seam docs, Access Codes, "Native Scheduling — Supported Providers").
 */
const NATIVE_SCHEDULING_DEVICE_TYPES = new Set([
  'two_n_intercom',
  'august_lock',
  'igloohome_lock',
  'kwikset_lock',
  'salto_lock',
  'schlage_lock',
  'ttlock_lock',
  'yale_lock',
]);

function statusOf(c: SeamAccessCode): CodeStatus {
  switch (c.status) {
    case 'set':
      return 'set';
    case 'unset':
      // A natively scheduled code stays `unset` until its window opens, though already on the lock.
      return c.is_scheduled_on_device ? 'set' : 'pending';
    case 'setting':
      return 'pending';
    case 'removing':
      return 'removing';
    default:
      return 'unknown';
  }
}

const instant = (iso: string | null | undefined): number | undefined => {
  const at = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(at) ? undefined : at;
};

/** `managedByDefault` is what the endpoint implies when the record does not say. */
export function toCodeOnDevice(c: SeamAccessCode, managedByDefault: boolean): CodeOnDevice {
  const code: CodeOnDevice = {
    accessCodeId: c.access_code_id,
    code: c.code ?? '',
    name: c.name ?? '',
    managed: c.is_managed ?? managedByDefault,
    status: statusOf(c),
  };
  const startsAt = instant(c.starts_at);
  const endsAt = instant(c.ends_at);
  const failure = failureOf(c.errors);
  if (startsAt !== undefined) code.startsAt = startsAt;
  if (endsAt !== undefined) code.endsAt = endsAt;
  if (failure !== undefined && code.status !== 'set') code.failure = failure;
  return code;
}

/** `code_constraints` types the core models, by the name its profiles use. */
const PIN_RULES = {
  no_zeros: 'noZeros',
  cannot_start_with_12: 'cannotStartWith12',
  no_triple_consecutive_ints: 'noTripleConsecutiveInts',
  no_ascending_or_descending_sequence: 'noAscendingOrDescendingSequence',
  at_least_three_unique_digits: 'atLeastThreeUniqueDigits',
  name_must_be_unique: 'nameMustBeUnique',
} as const satisfies Record<string, keyof ReportedConstraints>;

const isPinRule = (type: string): type is keyof typeof PIN_RULES => Object.hasOwn(PIN_RULES, type);

/** Device errors that cut Lockstep off from the lock, whatever `properties.online` still says. */
const UNREACHABLE_ERRORS = new Set([
  'device_offline',
  'device_disconnected',
  'hub_disconnected',
  'account_disconnected',
  'bridge_disconnected',
]);

export function toDeviceStatus(d: SeamDevice): DeviceStatus {
  const p = d.properties ?? {};
  const constraints: ReportedConstraints = {};
  const otherConstraints: string[] = [];
  const lengths = (p.supported_code_lengths ?? []).filter((n) => Number.isInteger(n) && n > 0);
  if (lengths.length > 0) constraints.codeLengths = lengths;
  const max = p.max_active_codes_supported;
  if (max !== undefined && Number.isInteger(max) && max > 0) constraints.maxCodes = max;
  if (p.supports_backup_access_code_pool !== undefined) {
    constraints.supportsBackupPool = p.supports_backup_access_code_pool;
  }
  for (const c of p.code_constraints ?? []) {
    if (isPinRule(c.constraint_type)) constraints[PIN_RULES[c.constraint_type]] = true;
    else if (c.constraint_type === 'name_length' && c.max_length !== undefined) {
      constraints.nameMaxLength = c.max_length;
    } else if (c.constraint_type !== 'name_length') otherConstraints.push(c.constraint_type);
  }
  // Seam: an absent capability flag means the device does not have the capability at all.
  const canProgramCodes = d.can_program_online_access_codes === true;
  return {
    deviceId: d.device_id,
    online: p.online === true && !d.errors?.some((e) => UNREACHABLE_ERRORS.has(e.error_code)),
    nativeScheduling: canProgramCodes && NATIVE_SCHEDULING_DEVICE_TYPES.has(d.device_type ?? ''),
    canProgramCodes,
    canProgramOfflineCodes: d.can_program_offline_access_codes === true,
    constraints,
    otherConstraints,
  };
}
