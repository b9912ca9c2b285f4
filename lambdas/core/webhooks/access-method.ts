import type { Instant, Reservation } from '../model.ts';

// R6.5: the body of `access_method.issued` / `access_method.reissued`, Lockstep's outbound event.

export const ACCESS_METHOD_EVENTS = ['access_method.issued', 'access_method.reissued'] as const;
export type AccessMethodEvent = (typeof ACCESS_METHOD_EVENTS)[number];

/** The JSON a host's endpoint receives; the OpenAPI document's schema is held to it. */
export interface AccessMethodPayload {
  id: string;
  type: AccessMethodEvent;
  occurred_at: string;
  host_id: string;
  reservation_id: string;
  property_id: string;
  lock_ids: string[];
  code: string;
  is_backup_code: boolean;
  starts_at: string;
  ends_at: string;
}

export function accessMethodBody(
  r: Reservation,
  type: AccessMethodEvent,
  code: { pin: string; isBackup: boolean; lockIds: string[] },
  deliveryId: string,
  at: Instant,
): string {
  const payload: AccessMethodPayload = {
    id: deliveryId,
    type,
    occurred_at: new Date(at).toISOString(),
    host_id: r.hostId,
    reservation_id: r.reservationId,
    property_id: r.propertyId,
    lock_ids: code.lockIds,
    code: code.pin,
    is_backup_code: code.isBackup,
    starts_at: new Date(r.code.activeFrom).toISOString(),
    ends_at: new Date(r.code.activeUntil).toISOString(),
  };
  return JSON.stringify(payload);
}
