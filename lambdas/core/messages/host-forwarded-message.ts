import type { Deps } from '../deps.ts';
import type { Reservation } from '../model.ts';
import type { GuestContent } from './guest-delivery.ts';

// R10.8: a feed stay's code message goes to the host, in the guest's wording, with a line on top
// so the host can forward it as it is. So does a staff code's for a staff member with no contact (R12).

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function forwardNote(r: Reservation): string {
  if (r.staff)
    return (
      `Please pass the message below to ${r.guest.name}. Lockstep has no email or phone for this staff ` +
      'member; add one to them and Lockstep tells them their codes directly.'
    );
  const who = r.guest.name || `the guest of reservation ${r.confirmationCode}`;
  return (
    `Please forward the message below to ${who}. This stay came from a calendar link, which gives ` +
    'Lockstep no way to reach the guest; add their email or phone to the reservation and Lockstep ' +
    'sends future messages to them directly.'
  );
}

/** The host route of a feed stay's message: one email to the host through the alert path. */
export function hostForwardRoute(deps: Deps, r: Reservation, messageId: string, content: GuestContent) {
  const note = forwardNote(r);
  return {
    route: 'host',
    send: () =>
      deps.hostNotifier.notifyHost({
        messageId: `${messageId}-host`,
        hostId: r.hostId,
        kind: 'code_for_guest',
        reservationId: r.reservationId,
        subject: r.staff
          ? `To pass on to ${r.guest.name}: ${content.subject}`
          : `To forward to your guest (${r.confirmationCode}): ${content.subject}`,
        text: `${note}\n\n---\n\n${content.text}`,
        html: `<p><em>${escapeHtml(note)}</em></p>\n<hr>\n${content.html}`,
      }),
  };
}
