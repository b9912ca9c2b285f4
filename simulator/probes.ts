import { allBackups, pinOnLock } from '#core/messages/code-message-rule.ts';
import type { Instant, Reservation } from '#core/model.ts';
import { HOUR } from '#core/time/timeline.ts';
import { uncounted } from '#local/aws-calls.ts';
import { isGuestEntry, type OutboxEntry } from '#local/outbox.ts';
import type { LocalRuntime } from '#local/runtime.ts';
import { atInstant } from '#local/timers.ts';

/** The one Lockstep account a scenario runs in; scenario `hosts` are the listing's co-hosts (R5.3). */
export const ACCOUNT = 'host';

export interface Observations {
  /** Per reservation: what the guest held at activeFrom (docs/simulation-contract.md, workingCodeAtActiveFrom). */
  workingAtActiveFrom: Map<string, boolean>;
  /** Codes found on an online lock an hour after their R7.2 deletion time. */
  codesLeftAfterDeletionDue: number;
  /** Scenario events the product refused or cannot handle yet, in order. */
  notes: { at: Instant; reservationId?: string; lockId?: string; note: string }[];
}

/** Runs `action` at `instant` as tracked work; same-instant actions keep the order they were planned in. */
export function atTracked(
  runtime: LocalRuntime,
  instant: Instant,
  action: () => Promise<unknown> | undefined,
): void {
  atInstant(instant, () => void runtime.activity.track(async () => action()));
}

/** What reached the guest about `reservationId`: their own messages, and those their host forwards (R10.8). */
function reachedGuest(entry: OutboxEntry, reservationId: string): boolean {
  const forwarded = entry.via === 'alert' && entry.message.kind === 'code_for_guest';
  return (isGuestEntry(entry) || forwarded) && entry.message.reservationId === reservationId;
}

const hasOfflineCode = (r: Reservation, lockId: string): boolean =>
  allBackups(r).some((b) => b.lockId === lockId && b.offline !== undefined);

/** What a guest would have found at the door, observed on the sandbox locks and the outbox. */
export class Probes {
  private readonly runtime: LocalRuntime;
  private readonly observations: Observations;

  constructor(runtime: LocalRuntime, observations: Observations) {
    this.runtime = runtime;
    this.observations = observations;
  }

  /** docs/simulation-contract.md: did the guest hold a PIN set on every lock of the property at activeFrom? */
  async workingCode(reservationId: string, activeFrom: Instant): Promise<void> {
    const { reservations, properties } = this.runtime.deps;
    const r = await uncounted(() => reservations.getReservation(ACCOUNT, reservationId));
    // A probe planned for a window the stay no longer has leaves the judgement to its current window's.
    if (r?.status !== 'accepted' || r.code.activeFrom !== activeFrom) return;
    const property = await uncounted(() => properties.getProperty(ACCOUNT, r.propertyId));
    // The code the guest holds now: a backup replaces the PIN on its lock (R4.4, R6).
    const pinOn = (lockId: string) => pinOnLock(r, lockId);
    const held = new Set((property?.lockIds ?? []).map(pinOn));
    const told = [...held].every((pin) =>
      this.runtime.outbox
        .about(reservationId)
        .some((e) => reachedGuest(e, reservationId) && e.message.text.includes(pin)),
    );
    // An offline code is on no lock: the lock itself verifies it when the guest keys it in (R11.2).
    const opens = (lockId: string) =>
      this.runtime.sandbox.codesOnDevice(lockId).some((c) => c.code === pinOn(lockId)) ||
      (hasOfflineCode(r, lockId) && this.runtime.sandbox.tryOfflinePin(lockId, pinOn(lockId)));
    const onEveryLock = (property?.lockIds ?? []).every(opens);
    this.observations.workingAtActiveFrom.set(reservationId, told && onEveryLock);
  }

  /** docs/simulation-contract.md: a code still on an online lock an hour after its deletion time is left behind. */
  deletion(reservationId: string, at: Instant, only?: 'completed'): void {
    // The probe's own reads are no call of the product's: uncounted, as every look-up of the simulator.
    atTracked(this.runtime, at, () => uncounted(() => this.deletionProbe(reservationId, at, only)));
  }

  private async deletionProbe(reservationId: string, at: Instant, only?: 'completed'): Promise<void> {
    const r = await this.runtime.deps.reservations.getReservation(ACCOUNT, reservationId);
    if (!r || (only === 'completed' && r.status !== 'accepted')) return;
    // Planned for a window the stay no longer has: the probe of its current window judges it.
    if (only === 'completed' && r.code.activeUntil + 25 * HOUR !== at) return;
    for (const state of r.code.locks) {
      const lock = await this.runtime.deps.locks.getLock(ACCOUNT, state.lockId);
      if (!lock) continue;
      const onDevice = this.runtime.sandbox.codesOnDevice(lock.deviceId).some((c) => c.code === r.code.pin);
      const online = (await this.runtime.sandbox.getDevice(lock.deviceId)).online;
      if (onDevice && online) this.observations.codesLeftAfterDeletionDue++;
    }
  }
}
