import { describe, expect, it } from 'vitest';
import { offlineCodeValidAlert } from '#core/messages/host-alert.ts';

// R11.3: the host hears that an offline code cannot be deleted, and until when it opens the door.

describe('R11.3 the offline-code alert', () => {
  const alert = offlineCodeValidAlert({
    propertyName: 'Garden Studio',
    guestName: 'Liam Chen',
    confirmationCode: 'DIR1102',
    timeZone: 'America/New_York',
    codes: [{ lockName: 'Studio door', endsAt: Date.parse('2026-12-08T17:00:00Z') }],
    why: 'cancelled',
  });

  it('names the reservation, the door and the end of the code in the property local time', () => {
    expect(alert.subject).toBe("Liam Chen's offline door code stays valid");
    expect(alert.text).toContain('reservation DIR1102 for Garden Studio was cancelled');
    expect(alert.text).toMatch(/keeps opening Studio door until Tue, Dec 8, 12:00\sPM \(America\/New_York\)/);
  });
});
