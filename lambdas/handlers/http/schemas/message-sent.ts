import * as z from 'zod';

// The `message.sent` channel event (docs/webhooks.md): a listing host wrote in a guest's conversation.

export const MessageSentPayload = z.object({
  reservation_id: z.string().min(1).max(128),
  /** The listing host who wrote (R5.3). */
  sender_host_id: z.string().min(1).max(128),
  sent_at: z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant with an offset' }),
  /** The partner rendered Lockstep's %smartlock_code% in the message (R5.5). */
  contains_smartlock_code: z.boolean().default(false),
});
