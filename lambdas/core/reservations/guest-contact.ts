import type { Deps } from '../deps.ts';
import { NotFoundError } from '../errors.ts';
import type { Reservation } from '../model.ts';
import { updateReservation } from './update.ts';

// R10.8: the host adds the guest's email or phone, which no calendar feed carries; from then on the
// code message (R5) goes to the guest instead of the host. Later reads of the feed keep them.

export interface GuestContact {
  email?: string | undefined;
  phone?: string | undefined;
}

export async function addGuestContact(
  deps: Deps,
  hostId: string,
  reservationId: string,
  contact: GuestContact,
): Promise<Reservation> {
  const at = deps.clock.now();
  const saved = await updateReservation(deps, hostId, reservationId, (fresh) => {
    const guest = {
      ...fresh.guest,
      ...(contact.email !== undefined && { email: contact.email }),
      ...(contact.phone !== undefined && { phone: contact.phone }),
    };
    if (guest.email === fresh.guest.email && guest.phone === fresh.guest.phone) return false;
    fresh.guest = guest;
    const added = [contact.email !== undefined && 'email', contact.phone !== undefined && 'phone'].filter(
      Boolean,
    );
    fresh.timeline.push({ at, event: 'guest.contact_added', detail: added.join(', ') });
    return true;
  });
  if (!saved) throw new NotFoundError('reservation', 'reservationId');
  return saved;
}
