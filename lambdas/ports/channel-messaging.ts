import type { MessagingChannel } from '#core/model.ts';

/** A message into the guest's conversation on the channel where they booked. */
export interface ChannelMessage {
  /** Idempotency key; the partner is asked to drop a second delivery with the same key. */
  messageId: string;
  /** The Lockstep account the reservation belongs to. */
  hostId: string;
  /** The conversation is the reservation's (the channel's reservation id). */
  reservationId: string;
  channel: MessagingChannel;
  /** The listing host the message goes out as (R5.3); the partner's default sender when absent. */
  senderHostId?: string | undefined;
  text: string;
  /** The language the text is written in (BCP 47), so the partner can label it. */
  language: string;
}

/**
 * The channel partner's messaging API. Transient failures are retried inside the adapter; what is
 * left is a MessageRefusedError (the partner refused the message) or ChannelUnreachableError.
 */
export interface ChannelMessenger {
  sendChannelMessage(message: ChannelMessage): Promise<void>;
}
