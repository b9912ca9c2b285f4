import type { HostAlertKind } from '#ports/host-notifier.ts';
import type { AccessView, TimelineEvent } from '../api/types.ts';
import { lockFailureLabel } from './lock-failures.ts';

// The reservation's timeline (R8.1) in the host's words, sorted into the lanes of its picture (R13.3).

export type Lane = 'stay' | 'programming' | 'attempts' | 'message' | 'removal';
/** `offline-code`: an offline code was issued (R11.3), drawn in the doors' offline-code colour. */
type Tone = 'ok' | 'problem' | 'planned' | 'info' | 'offline-code';

export const LANE_LABELS: Record<Lane, string> = {
  stay: 'Stay',
  programming: 'Programming',
  attempts: 'Attempts',
  message: 'Message',
  removal: 'Removal',
};

export const ALERT_KIND_LABELS: Record<HostAlertKind, string> = {
  code_failed: 'code failed',
  lock_disconnected: 'lock disconnected',
  message_failed: 'message not delivered',
  feed_failing: 'calendar feed failing',
  code_for_guest: 'code sent to you to pass on',
  code_not_removed: 'code not removed from a lock',
  offline_code_stays_valid: 'offline code still valid',
};

const KINDS: Record<string, [label: string, lane: Lane, tone: Tone]> = {
  'reservation.accepted': ['Booking received', 'stay', 'info'],
  'reservation.modified': ['Booking changed', 'stay', 'info'],
  'reservation.cancelled': ['Booking cancelled', 'stay', 'problem'],
  'property.settings_changed': ['Property settings changed', 'stay', 'info'],
  'code.chosen': ['Code chosen', 'programming', 'info'],
  'schedule.provision': ['Programming due', 'programming', 'planned'],
  'schedule.backup-check': ['Backup check due', 'programming', 'planned'],
  'provisioning.started': ['Programming started', 'programming', 'info'],
  'provisioning.stopped': ['Programming stopped: window over', 'programming', 'problem'],
  'code.lock_added': ['Lock added', 'programming', 'info'],
  'code.pin_replaced': ['New PIN chosen', 'programming', 'info'],
  'code.name_replaced': ['Code renamed', 'programming', 'info'],
  'code.missing_on_lock': ['Code missing on the lock', 'programming', 'problem'],
  'code.requested': ['Code sent to the lock', 'attempts', 'info'],
  'code.window_update_requested': ['New window sent to the lock', 'attempts', 'info'],
  'code.set_on_lock': ['Lock confirmed the code', 'attempts', 'ok'],
  'code.attempt_failed': ['Attempt refused', 'attempts', 'problem'],
  'code.failed_on_lock': ['Lock failed to set the code', 'attempts', 'problem'],
  'code.window_update_failed': ['Window update failed', 'attempts', 'problem'],
  'backup.issued': ['Backup code issued', 'attempts', 'problem'],
  'backup.returned': ['Backup code returned', 'attempts', 'ok'],
  'backup.retired': ['Backup code retired', 'removal', 'info'],
  'offline_code.issued': ['Offline code issued', 'attempts', 'offline-code'],
  'offline_code.outgrown': ['Offline code no longer fits the stay', 'attempts', 'problem'],
  'host.alert_sent': ['You were alerted by email', 'attempts', 'problem'],
  'host.alert_failed': ['Alert email failed', 'attempts', 'problem'],
  'schedule.message': ['Code message due', 'message', 'planned'],
  'guest.code_message_sent': ['Code message sent', 'message', 'ok'],
  'guest.host_message_sent': ['Host message sent', 'message', 'ok'],
  'guest.message_failed': ['Message not delivered', 'message', 'problem'],
  'guest.code_message_not_needed': ['Code message not needed', 'message', 'info'],
  'code.communicated': ['Code shared in a host message', 'message', 'ok'],
  'conversation.host_message': ['A host wrote to the guest', 'message', 'info'],
  'schedule.delete': ['Removal due', 'removal', 'planned'],
  'code.removal_requested': ['Removal requested', 'removal', 'info'],
  'code.removal_failed': ['Removal failed', 'removal', 'problem'],
  'code.removed_from_lock': ['Code removed from the lock', 'removal', 'ok'],
  'code.lock_dropped': ['Lock dropped', 'removal', 'info'],
  'webhook.undelivered': ['Outbound webhook undelivered', 'stay', 'problem'],
};

export interface DescribedEvent {
  /** When it happened, or for a scheduled entry when it is due. */
  at: number;
  label: string;
  lane: Lane;
  tone: Tone;
  lockId: string | undefined;
  detail: string | undefined;
}

/** One timeline entry described; a schedule entry is placed at its due time, which its detail holds. */
export function describeEvent(entry: TimelineEvent): DescribedEvent | undefined {
  const [label, lane, tone] = KINDS[entry.event] ?? [entry.event, 'stay', 'info'];
  const due = tone === 'planned' && entry.detail ? Date.parse(entry.detail) : Number.NaN;
  const at = Number.isNaN(due) ? Date.parse(entry.at ?? '') : due;
  if (Number.isNaN(at)) return undefined;
  const detail = tone === 'planned' ? undefined : entry.detail;
  return { at, label, lane, tone, lockId: entry.lockId, detail: alertKindLabel(entry, detail) };
}

const REFUSALS = new Set(['code.attempt_failed', 'code.failed_on_lock']);

/** A detail the host reads in words: an alert's kind, a lock's refusal. */
function alertKindLabel(entry: TimelineEvent, detail: string | undefined): string | undefined {
  // Its detail is the first-use limit as a UTC instant: the door's row says it in local time.
  if (entry.event === 'offline_code.issued') return undefined;
  if (entry.event === 'host.alert_sent' && detail && detail in ALERT_KIND_LABELS)
    return ALERT_KIND_LABELS[detail as HostAlertKind];
  if (REFUSALS.has(entry.event) && detail) return lockFailureLabel(detail);
  return detail;
}

/**
 * The timeline described, oldest first. A schedule entry moved later (a changed stay) is shown only
 * where it is due now: the earlier instant no longer fires (R2.4).
 */
export function describeTimeline(timeline: readonly TimelineEvent[]): DescribedEvent[] {
  const latestPlan = new Map<string, TimelineEvent>();
  for (const entry of timeline)
    if (entry.event.startsWith('schedule.')) latestPlan.set(`${entry.event}|${entry.lockId ?? ''}`, entry);
  return timeline
    .filter((t) => !t.event.startsWith('schedule.') || latestPlan.get(`${t.event}|${t.lockId ?? ''}`) === t)
    .flatMap((t) => describeEvent(t) ?? [])
    .sort((a, b) => a.at - b.at);
}

/** Each door's planned next attempt (R4.1), drawn with the attempts as something still to come. */
export function plannedAttempts(locks: AccessView['code']['locks']): DescribedEvent[] {
  return locks.flatMap((l) => {
    const at = Date.parse(l.nextAttemptAt ?? '');
    if (Number.isNaN(at)) return [];
    return [
      { at, label: 'Next attempt', lane: 'attempts', tone: 'planned', lockId: l.lockId, detail: undefined },
    ];
  });
}

/** What happened and what is planned, oldest first. */
export const describeReservation = (view: AccessView): DescribedEvent[] =>
  [...describeTimeline(view.timeline), ...plannedAttempts(view.code.locks)].sort((a, b) => a.at - b.at);
