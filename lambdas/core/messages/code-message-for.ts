import type { Lock, Property, Reservation } from '../model.ts';
import { type CodeMessage, codeMessage } from './code-message.ts';
import { allBackups, pinOnLock } from './code-message-rule.ts';

/**
 * R5.4: the fixed code message for a reservation as it stands: the code it names (`code`, a backup
 * once issued), its window in the property's zone, and each door with the code that opens it.
 * Both the scheduled message (R5.1) and the host's resend (R13.3) word it this way.
 */
export function codeMessageFor(
  r: Reservation,
  property: Property | undefined,
  locks: readonly Lock[],
  code: { pin: string; isBackup: boolean },
): CodeMessage {
  return codeMessage({
    guestName: r.guest.name,
    guestLocale: r.guest.locale,
    propertyName: property?.name ?? r.propertyId,
    pin: code.pin,
    activeFrom: r.code.activeFrom,
    activeUntil: r.code.activeUntil,
    timeZone: property?.settings.timeZone ?? 'UTC',
    doors: locks.map((l) => l.name),
    isBackup: code.isBackup,
    doorCodes: locks.map((l) => ({ door: l.name, pin: pinOnLock(r, l.lockId) })),
    forStaff: r.staff !== undefined,
    openEnded: r.staff?.follows === 'always',
    firstUseBy: locks.flatMap((l) => {
      const by = allBackups(r).find((b) => b.lockId === l.lockId)?.offline?.firstUseBy;
      return by === undefined ? [] : [{ door: l.name, by }];
    }),
  });
}
