import * as z from 'zod';
import { ACCESS_METHOD_EVENTS, type AccessMethodPayload } from '#core/webhooks/access-method.ts';

// R6.5: the outbound `access_method.*` event as the OpenAPI document describes it. Lockstep sends it
// rather than parses it; `satisfies` keeps it to the core's payload type, and a test validates a real
// delivery against the schema documented from it.

const instant = z.iso.datetime({ offset: true });

export const AccessMethodPayloadSchema = z
  .strictObject({
    id: z.string().meta({ description: 'The delivery id, also sent as `webhook-id`; stable across retries' }),
    type: z.enum(ACCESS_METHOD_EVENTS).meta({
      description:
        '`issued`: the code chosen at acceptance; `reissued`: a backup replaced it, or the own code replaced the backup',
    }),
    occurred_at: instant,
    host_id: z.string(),
    reservation_id: z.string(),
    property_id: z.string(),
    lock_ids: z.array(z.string()).meta({ description: 'The doors this code opens' }),
    code: z.string().regex(/^\d+$/).meta({ description: 'The PIN the guest holds now' }),
    is_backup_code: z.boolean(),
    starts_at: instant.meta({ description: 'activeFrom: the code works from here (R2.1)' }),
    ends_at: instant.meta({ description: 'activeUntil: the code stops working here (R2.1)' }),
  })
  .meta({ title: 'Access method event' }) satisfies z.ZodType<AccessMethodPayload>;
