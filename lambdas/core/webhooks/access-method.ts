import type { Instant, Reservation } from '../model.ts';

// R6.5: the body of `access_method.issued` / `access_method.reissued`, Lockstep's outbound event.

export type AccessMethodEvent = 'access_method.issued' | 'access_method.reissued';

export function accessMethodBody(
  r: Reservation,
  type: AccessMethodEvent,
  code: { pin: string; isBackup: boolean; lockIds: string[] },
  deliveryId: string,
  at: Instant,
): string {
  return JSON.stringify({
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
  });
}
