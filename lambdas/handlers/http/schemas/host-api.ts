import { z } from 'zod';
import { LOCK_MODELS } from '#core/model.ts';
import { isValidTimeZone } from '#core/time/zoned.ts';

// Request bodies of the host API (docs/host-api.md).

const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dot, dash or underscore');

export const CreatePropertyBody = z.object({
  id: id.optional(),
  name: z.string().trim().min(1).max(120),
  timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York'),
  bufferBeforeMinutes: z.number().int().min(0).max(1440).default(0),
  bufferAfterMinutes: z.number().int().min(0).max(1440).default(0),
  codeSource: z.enum(['random', 'phone']).default('random'),
  backupCodes: z.boolean().default(false),
  /** The listing's hosts on its channel, primary first (R5.3). */
  hosts: z.array(id).min(1).max(20).optional(),
});

export const RegisterLockBody = z.object({
  id: id.optional(),
  name: z.string().trim().min(1).max(80),
  provider: z.literal('sandbox'),
  deviceId: id,
  model: z.enum(LOCK_MODELS).default('generic'),
  nativeScheduling: z.boolean().default(true),
  codeLengths: z.array(z.number().int().min(4).max(12)).min(1).default([4, 5, 6, 7, 8]),
  maxCodes: z.number().int().min(1).max(1000).default(100),
});

/** Path parameters are ids too: a malformed one is a 400 naming it, before any lookup. */
export const PropertyLockPath = z.object({ propertyId: id, lockId: id });
export const LockPath = z.object({ lockId: id });
