import { LOCK_MODEL_PROFILES } from '#core/codes/constraints.ts';
import { LockProviderError } from '#core/errors.ts';
import type { Instant } from '#core/model.ts';
import type { OfflineCodeLimits } from '#core/offline/limits.ts';
import type {
  CodeChanges,
  CodeOnDevice,
  CodeRequest,
  DeviceStatus,
  LockProvider,
  OfflineCodeRequest,
} from '#ports/lock-provider.ts';
import {
  type PendingChange,
  type SandboxCode,
  SandboxDevice,
  type SandboxDeviceSpec,
} from './sandbox-device.ts';
import { OfflineCodeBook } from './sandbox-offline-codes.ts';
import { SandboxTimers } from './sandbox-timers.ts';
import { SandboxWebhookSender } from './sandbox-webhooks.ts';

export type { SandboxCode, SandboxDeviceSpec } from './sandbox-device.ts';

/** A model with offline codes but no declared limits: any whole-minute window, used at any time. */
const ANY_WINDOW: OfflineCodeLimits = {
  granularityMinutes: 1,
  maxHours: Number.MAX_SAFE_INTEGER,
  firstUseWithinHours: Number.MAX_SAFE_INTEGER,
  perIdenticalWindow: Number.MAX_SAFE_INTEGER,
};

export const DEFAULT_CONFIRMATION_DELAY_MS = 20_000;

export interface SandboxOptions {
  /** The runtime clock: wall time for `npm start`, virtual in simulations and tests. */
  now: () => Instant;
  /** Posts a signed webhook to Lockstep's lock-provider route; a rejection is retried. */
  deliver: (headers: Record<string, string>, body: string) => Promise<void>;
  webhookSecret: string;
  /** Time for an accepted change to reach an online device. */
  confirmationDelayMs?: number;
  /** Deterministic ids in simulations. */
  newId: (prefix: string) => string;
  /** The lock model's PIN rules; returns a rejection message, or undefined for an acceptable PIN. */
  validatePin?: (deviceId: string, pin: string) => string | undefined;
}

/**
 * An in-process stand-in for a Seam-like provider and its locks. Requests are validated up front as
 * the provider's API would; accepted changes reach the device after a delay when it is online, and
 * every outcome is reported by a signed webhook. Timers are the global ones, so fake timers drive it.
 */
export class SandboxLockProvider implements LockProvider {
  readonly name = 'sandbox' as const;
  private readonly options: SandboxOptions;
  private readonly delayMs: number;
  private readonly devices = new Map<string, SandboxDevice>();
  private readonly timers: SandboxTimers;
  private readonly webhooks: SandboxWebhookSender;
  private readonly offlineBooks = new Map<string, OfflineCodeBook>();
  private foreignTouches = 0;

  constructor(options: SandboxOptions) {
    this.options = options;
    this.delayMs = options.confirmationDelayMs ?? DEFAULT_CONFIRMATION_DELAY_MS;
    if (!(this.delayMs >= 0)) throw new Error('confirmationDelayMs must not be negative');
    this.timers = new SandboxTimers(() => options.now());
    this.webhooks = new SandboxWebhookSender(options, this.timers);
  }

  /** A window already running at this instant starts the device offline, without a disconnect event. */
  addDevice(spec: SandboxDeviceSpec): void {
    if (this.devices.has(spec.deviceId)) throw new Error(`sandbox device already exists: ${spec.deviceId}`);
    const existing = (spec.existingCodes ?? []).map(
      (c): SandboxCode => ({
        accessCodeId: this.options.newId('ac'),
        code: c.code,
        name: c.name,
        managed: false,
      }),
    );
    const device = new SandboxDevice(spec, existing);
    this.devices.set(spec.deviceId, device);
    const now = this.options.now();
    for (const window of device.windows) {
      if (window.to <= now) continue;
      if (window.from > now) {
        this.timers.at(window.from, () => this.webhooks.emit('device.disconnected', device.deviceId));
      }
      this.timers.at(window.to, () => {
        this.webhooks.emit('device.connected', device.deviceId);
        this.push(device);
      });
    }
  }

  /** Factory reset: every code leaves the lock, and nobody is told (Seam finds out on its next sync). */
  wipe(deviceId: string): void {
    this.sandboxDevice(deviceId).wipe();
  }

  /** The truth on the lock, for reports. */
  codesOnDevice(deviceId: string): SandboxCode[] {
    return this.sandboxDevice(deviceId).onDevice();
  }

  /** Changes requested to codes Lockstep did not create; must stay 0. */
  foreignCodesTouched(): number {
    return this.foreignTouches;
  }

  /** Webhooks given up on after every retry failed. */
  droppedDeliveries(): number {
    return this.webhooks.droppedDeliveries();
  }

  /** Clears pending timers, for a runtime shutting down; the sandbox is unusable afterwards. */
  dispose(): void {
    this.timers.clear();
  }

  async createCode(request: CodeRequest): Promise<{ accessCodeId: string }> {
    const device = this.providerDevice(request.deviceId);
    this.validate(device, request);
    const conflict = device.conflict(request.code);
    if (conflict) throw conflict;
    const accessCodeId = this.options.newId('ac');
    const code: SandboxCode = { accessCodeId, code: request.code, name: request.name, managed: true };
    if (request.startsAt !== undefined) code.startsAt = request.startsAt;
    if (request.endsAt !== undefined) code.endsAt = request.endsAt;
    this.request(device, { kind: 'set', code });
    return { accessCodeId };
  }

  /**
   * The brand's offline-code algorithm (R11.1): nothing goes onto the lock, which checks the PIN
   * unconnected (`tryOfflinePin`); the brand's limits are enforced (sandbox-offline-codes.ts).
   */
  async createOfflineCode(request: OfflineCodeRequest): Promise<{ accessCodeId: string; code: string }> {
    const device = this.providerDevice(request.deviceId);
    const book = this.offlineBook(device);
    if (!book) {
      throw new LockProviderError(
        'failed_to_set',
        `offline codes are not supported by this lock (${device.deviceId})`,
      );
    }
    const { code } = book.issue(request.startsAt, request.endsAt);
    return { accessCodeId: this.options.newId('ac'), code };
  }

  /** A guest keys `pin` into the lock at the current instant: does an offline code open it? */
  tryOfflinePin(deviceId: string, pin: string): boolean {
    const book = this.offlineBooks.get(this.sandboxDevice(deviceId).deviceId);
    return book?.tryPin(pin, this.options.now()) ?? false;
  }

  private offlineBook(device: SandboxDevice): OfflineCodeBook | undefined {
    if (!device.offlineCodes) return undefined;
    let book = this.offlineBooks.get(device.deviceId);
    if (!book) {
      const limits = device.offlineLimits ?? LOCK_MODEL_PROFILES[device.model]?.offlineCodes ?? ANY_WINDOW;
      book = new OfflineCodeBook(device.deviceId, limits, Math.max(...device.codeLengths));
      this.offlineBooks.set(device.deviceId, book);
    }
    return book;
  }

  /**
   * Validated like a creation against the provider's view, then queued: the lock keeps the old
   * version until the change reaches it, and a change the lock rejects leaves the old one in place.
   */
  async updateCode(deviceId: string, accessCodeId: string, changes: CodeChanges): Promise<void> {
    const device = this.providerDevice(deviceId);
    const current = device.projected().get(accessCodeId);
    if (!current) throw new LockProviderError('failed_to_set', `access code not found on ${deviceId}`);
    if ((changes.startsAt === undefined) !== (changes.endsAt === undefined)) {
      throw new LockProviderError('failed_to_set', 'startsAt and endsAt must be changed together');
    }
    const next: SandboxCode = { ...current };
    if (changes.code !== undefined) next.code = changes.code;
    if (changes.name !== undefined) next.name = changes.name;
    if (changes.startsAt !== undefined) next.startsAt = changes.startsAt;
    if (changes.endsAt !== undefined) next.endsAt = changes.endsAt;
    this.validate(device, { deviceId, ...next });
    const conflict = device.conflict(next.code, accessCodeId);
    if (conflict) throw conflict;
    if (device.isForeign(accessCodeId)) this.foreignTouches++;
    this.request(device, { kind: 'set', code: next });
  }

  /** The provider's view of one code: queued changes included, a queued removal as `removing`. */
  async getCode(deviceId: string, accessCodeId: string): Promise<CodeOnDevice | undefined> {
    return this.providerDevice(deviceId).lookup(accessCodeId);
  }

  /**
   * Idempotent: an id unknown to the device, or already removed, succeeds with no webhook (Seam would
   * 404; a retried delete must not fail), and a removal already queued is not queued twice. An id
   * wiped off the lock is still confirmed removed, so Lockstep's deletion completes.
   */
  async deleteCode(deviceId: string, accessCodeId: string): Promise<void> {
    const device = this.providerDevice(deviceId);
    if (!device.knows(accessCodeId) || device.removalPending(accessCodeId)) return;
    if (device.isForeign(accessCodeId)) this.foreignTouches++;
    this.request(device, { kind: 'remove', accessCodeId });
  }

  /**
   * What the provider believes: the lock as its queued changes will leave it. A wiped lock lists
   * nothing, as if this read were the sync that notices the reset (so a resync sees codes missing).
   */
  async listCodes(deviceId: string): Promise<CodeOnDevice[]> {
    const device = this.providerDevice(deviceId);
    return [...device.projected().values()].map((c) => ({
      ...c,
      status: device.setPending(c.accessCodeId) ? 'pending' : 'set',
    }));
  }

  /** The sandbox knows a device's lengths and slots; its PIN rules come from the model profile. */
  async getDevice(deviceId: string): Promise<DeviceStatus> {
    const device = this.providerDevice(deviceId);
    return {
      deviceId,
      online: device.isOnline(this.options.now()),
      nativeScheduling: device.nativeScheduling,
      canProgramCodes: true,
      canProgramOfflineCodes: device.offlineCodes,
      ...(device.offlineLimits ? { offlineCodeLimits: { ...device.offlineLimits } } : {}),
      constraints: { codeLengths: [...device.codeLengths], maxCodes: device.maxCodes },
      otherConstraints: [],
    };
  }

  /** The PIN and window checks the provider's API makes before anything is queued. */
  private validate(device: SandboxDevice, request: CodeRequest): void {
    const { code } = request;
    if (!/^\d+$/.test(code) || !device.codeLengths.includes(code.length)) {
      const lengths = device.codeLengths.join(', ');
      throw new LockProviderError('failed_to_set', `code must be ${lengths} digits on ${device.deviceId}`);
    }
    const problem = this.options.validatePin?.(device.deviceId, code);
    if (problem) throw new LockProviderError('failed_to_set', problem);
    const { startsAt, endsAt } = request;
    if (startsAt !== undefined && endsAt !== undefined && endsAt <= startsAt) {
      throw new LockProviderError('failed_to_set', 'endsAt must be after startsAt');
    }
  }

  /** Queues a change; it reaches the device after the delay, or when an offline window ends. */
  private request(device: SandboxDevice, change: PendingChange): void {
    device.enqueue(change);
    this.timers.after(this.delayMs, () => {
      if (device.isPending(change) && device.isOnline(this.options.now())) this.push(device, change);
    });
  }

  private push(device: SandboxDevice, through?: PendingChange): void {
    for (const applied of device.applyThrough(through)) {
      this.webhooks.emit(applied.outcome, device.deviceId, applied.accessCodeId);
    }
  }

  /** The provider's API: an unknown device is a request error, as Seam's 404 would be. */
  private providerDevice(deviceId: string): SandboxDevice {
    const device = this.devices.get(deviceId);
    if (!device) throw new LockProviderError('failed_to_set', `device not found: ${deviceId}`);
    return device;
  }

  /** Sandbox controls used by the runtime and simulator: an unknown device is a scenario bug. */
  private sandboxDevice(deviceId: string): SandboxDevice {
    const device = this.devices.get(deviceId);
    if (!device) throw new Error(`no sandbox device ${deviceId}`);
    return device;
  }
}
