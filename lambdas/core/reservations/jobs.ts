import { createHash } from 'node:crypto';
import type { CodeWindow, Instant, JobKind, Lock, Reservation, ScheduledJob } from '../model.ts';
import { deletionAfterCancellation, deletionAt, messageAt, provisionAt } from '../time/timeline.ts';

// R2.4: each reservation has one scheduled entry per kind, named so a change moves the same entry.

/** Stable, ≤ 64 characters of [a-z0-9-] whatever the ids contain (EventBridge Scheduler's rule). */
export function jobName(kind: JobKind, hostId: string, reservationId: string): string {
  const digest = createHash('sha256').update(`${hostId}\u0000${reservationId}`).digest('hex');
  return `${kind}-${digest.slice(0, 40)}`;
}

const job = (kind: JobKind, at: Instant, r: Pick<Reservation, 'hostId' | 'reservationId'>): ScheduledJob => ({
  name: jobName(kind, r.hostId, r.reservationId),
  kind,
  at,
  hostId: r.hostId,
  reservationId: r.reservationId,
});

/** The entries of an accepted reservation: provisioning (R2.3), message (R5.1), deletion (R7.2). */
export function acceptedJobs(
  r: Pick<Reservation, 'hostId' | 'reservationId'>,
  window: CodeWindow,
  locks: readonly Pick<Lock, 'nativeScheduling'>[],
  now: Instant,
): ScheduledJob[] {
  return [
    job(
      'provision',
      provisionAt(
        window,
        locks.map((l) => l.nativeScheduling),
        now,
      ),
      r,
    ),
    job('message', messageAt(window, now), r),
    job('delete', deletionAt(window), r),
  ];
}

/** A cancelled reservation keeps only its deletion entry, moved to a day after the cancellation. */
export function cancelledJobs(
  r: Pick<Reservation, 'hostId' | 'reservationId'>,
  cancelledAt: Instant,
): { keep: ScheduledJob[]; cancel: string[] } {
  return {
    keep: [job('delete', deletionAfterCancellation(cancelledAt), r)],
    cancel: [jobName('provision', r.hostId, r.reservationId), jobName('message', r.hostId, r.reservationId)],
  };
}
