import { LockProviderError } from '#core/errors.ts';
import type { Instant, LockModel } from '#core/model.ts';
import type { OfflineCodeLimits } from '#core/offline/limits.ts';
import type { CodeOnDevice, CodeStatus } from '#ports/lock-provider.ts';

export interface OfflineWindow {
  from: Instant;
  to: Instant;
}

export interface SandboxDeviceSpec {
  deviceId: string;
  model: LockModel;
  codeLengths: number[];
  maxCodes: number;
  /** The lock stores time-bound codes ahead of their window (R2.3); true unless said otherwise. */
  nativeScheduling?: boolean;
  /**
   * The model computes offline codes (R11.1), e.g. igloohome's algoPIN, with these limits (`true`:
   * the model profile's); none unless said.
   */
  offlineCodes?: boolean | OfflineCodeLimits;
  /** Codes someone else put on the lock (a cleaner's, the owner's): `managed: false`. */
  existingCodes?: { code: string; name: string }[];
  /** The lock accepts and confirms nothing during [from, to). */
  offline?: OfflineWindow[];
  /** This many set attempts fail on the device, with no reason, before sets succeed. */
  rejectNext?: number;
}

/** A code as the device holds it; the time bounds are kept for reports, not enforced. */
export type SandboxCode = Omit<CodeOnDevice, 'status' | 'failure'>;

/** A change the provider accepted and has not yet pushed to the device; an update is a `set` of a known id. */
export type PendingChange = { kind: 'set'; code: SandboxCode } | { kind: 'remove'; accessCodeId: string };

export type DeviceOutcome =
  | 'access_code.set_on_device'
  | 'access_code.failed_to_set_on_device'
  | 'access_code.removed_from_device';

export interface AppliedChange {
  outcome: DeviceOutcome;
  accessCodeId: string;
}

/** Sorted, with overlapping or touching windows merged so each edge is a real change of state. */
export function mergeWindows(windows: readonly OfflineWindow[]): OfflineWindow[] {
  const merged: OfflineWindow[] = [];
  for (const w of [...windows].sort((a, b) => a.from - b.from)) {
    if (!(w.from < w.to)) throw new Error(`offline window must end after it starts: ${JSON.stringify(w)}`);
    const last = merged.at(-1);
    if (last && w.from <= last.to) last.to = Math.max(last.to, w.to);
    else merged.push({ ...w });
  }
  return merged;
}

/**
 * One simulated lock: what is really on it, and the provider's queue of changes waiting to reach
 * it. No timers here; the provider decides when the queue is pushed.
 */
export class SandboxDevice {
  readonly deviceId: string;
  readonly model: LockModel;
  readonly codeLengths: readonly number[];
  readonly maxCodes: number;
  readonly nativeScheduling: boolean;
  readonly offlineCodes: boolean;
  /** The device's own limits, when the scenario gave them. */
  readonly offlineLimits: OfflineCodeLimits | undefined;
  readonly windows: readonly OfflineWindow[];
  private readonly codes = new Map<string, SandboxCode>();
  private readonly queue: PendingChange[] = [];
  /** Ids created and not yet removed, even if wiped from the lock, so their deletion gets confirmed. */
  private readonly known = new Set<string>();
  private readonly foreign = new Set<string>();
  private rejectionsLeft: number;

  constructor(spec: SandboxDeviceSpec, existing: SandboxCode[]) {
    if (existing.length > spec.maxCodes)
      throw new Error(`${spec.deviceId}: more existing codes than maxCodes`);
    this.deviceId = spec.deviceId;
    this.model = spec.model;
    this.codeLengths = [...spec.codeLengths];
    this.maxCodes = spec.maxCodes;
    this.nativeScheduling = spec.nativeScheduling ?? true;
    this.offlineCodes = spec.offlineCodes !== undefined && spec.offlineCodes !== false;
    this.offlineLimits = typeof spec.offlineCodes === 'object' ? { ...spec.offlineCodes } : undefined;
    this.windows = mergeWindows(spec.offline ?? []);
    this.rejectionsLeft = spec.rejectNext ?? 0;
    for (const code of existing) {
      this.codes.set(code.accessCodeId, code);
      this.known.add(code.accessCodeId);
      if (!code.managed) this.foreign.add(code.accessCodeId);
    }
  }

  isOnline(at: Instant): boolean {
    return !this.windows.some((w) => w.from <= at && at < w.to);
  }

  /** The truth on the lock. */
  onDevice(): SandboxCode[] {
    return [...this.codes.values()].map((c) => ({ ...c }));
  }

  /**
   * The provider's view: the device once its queue has been pushed. Requests are validated against
   * this, so a slot being freed or a PIN being removed ahead in the queue is already available.
   */
  projected(): Map<string, SandboxCode> {
    const view = new Map(this.codes);
    for (const change of this.queue) {
      if (change.kind === 'set') view.set(change.code.accessCodeId, change.code);
      else view.delete(change.accessCodeId);
    }
    return view;
  }

  /** One code in the provider's view, with where it stands; a queued removal shows as `removing`. */
  lookup(accessCodeId: string): (SandboxCode & { status: CodeStatus }) | undefined {
    let code = this.codes.get(accessCodeId);
    let status: CodeStatus = 'set';
    for (const change of this.queue) {
      if (change.kind === 'set' && change.code.accessCodeId === accessCodeId) {
        code = change.code;
        status = 'pending';
      } else if (change.kind === 'remove' && change.accessCodeId === accessCodeId) status = 'removing';
    }
    return code ? { ...code, status } : undefined;
  }

  /** Whether a set is queued for this id, so a listing can tell pending codes from set ones. */
  setPending(accessCodeId: string): boolean {
    return this.queue.some((c) => c.kind === 'set' && c.code.accessCodeId === accessCodeId);
  }

  /**
   * What the provider refuses against the codes it knows: a PIN already there, or no slot left.
   * `self` is the code being updated, which neither collides with itself nor needs a new slot.
   */
  conflict(pin: string, self?: string): LockProviderError | undefined {
    const others = [...this.projected().values()].filter((c) => c.accessCodeId !== self);
    if (others.some((c) => c.code === pin)) {
      return new LockProviderError('duplicate_code', `code already on ${this.deviceId}`);
    }
    if (self === undefined && others.length >= this.maxCodes) {
      return new LockProviderError('no_space', `${this.deviceId} holds ${this.maxCodes} codes`);
    }
    return undefined;
  }

  knows(accessCodeId: string): boolean {
    return this.known.has(accessCodeId);
  }

  isForeign(accessCodeId: string): boolean {
    return this.foreign.has(accessCodeId);
  }

  removalPending(accessCodeId: string): boolean {
    return this.queue.some((c) => c.kind === 'remove' && c.accessCodeId === accessCodeId);
  }

  isPending(change: PendingChange): boolean {
    return this.queue.includes(change);
  }

  hasPending(): boolean {
    return this.queue.length > 0;
  }

  enqueue(change: PendingChange): void {
    if (change.kind === 'set') this.known.add(change.code.accessCodeId);
    this.queue.push(change);
  }

  /** Pushes queued changes in order, through `last` (everything when omitted). */
  applyThrough(last?: PendingChange): AppliedChange[] {
    const end = last ? this.queue.indexOf(last) + 1 : this.queue.length;
    return this.queue.splice(0, end).map((change) => this.apply(change));
  }

  /** Factory reset: the lock forgets every code; the provider's queue is in the cloud and survives. */
  wipe(): void {
    this.codes.clear();
  }

  private apply(change: PendingChange): AppliedChange {
    if (change.kind === 'remove') {
      this.codes.delete(change.accessCodeId);
      this.known.delete(change.accessCodeId);
      return { outcome: 'access_code.removed_from_device', accessCodeId: change.accessCodeId };
    }
    const { accessCodeId } = change.code;
    if (this.rejectionsLeft > 0) {
      this.rejectionsLeft--;
      return { outcome: 'access_code.failed_to_set_on_device', accessCodeId };
    }
    this.codes.set(accessCodeId, change.code);
    return { outcome: 'access_code.set_on_device', accessCodeId };
  }
}
