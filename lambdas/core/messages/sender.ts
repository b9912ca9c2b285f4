import { isMessagingChannel, type Reservation } from '../model.ts';

/**
 * R5.3: the listing host a channel message goes out as. On airbnb, the host who last wrote in the
 * guest's conversation (when they are still one of the listing's hosts), else the primary host; on
 * other channels the primary host. Undefined for email and SMS, or when the listing names no host
 * (the partner then uses its own default).
 */
export function chooseSender(
  r: Pick<Reservation, 'channel' | 'lastHostMessage'>,
  listingHosts: readonly string[] | undefined,
): string | undefined {
  if (!isMessagingChannel(r.channel)) return undefined;
  const hosts = listingHosts ?? [];
  const last = r.lastHostMessage?.hostId;
  if (r.channel === 'airbnb' && last !== undefined && (hosts.length === 0 || hosts.includes(last)))
    return last;
  return hosts[0];
}
