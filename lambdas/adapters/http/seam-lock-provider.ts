import type { z } from 'zod';
import { LockProviderError } from '#core/errors.ts';
import type {
  CodeChanges,
  CodeOnDevice,
  CodeRequest,
  DeviceStatus,
  LockProvider,
  OfflineCodeRequest,
} from '#ports/lock-provider.ts';
import { SeamApiError, SeamHttp, type SeamHttpOptions } from './seam-http.ts';
import {
  reasonForSeamType,
  SeamAccessCode,
  SeamActionAttempt,
  SeamDevice,
  toCodeOnDevice,
  toDeviceStatus,
} from './seam-shapes.ts';

export type SeamLockProviderOptions = SeamHttpOptions;

// Lists are paged (Seam's pages hold up to 500); the bound is only a safety net against a cursor loop.
const MAX_PAGES = 50;

const iso = (at: number): string => new Date(at).toISOString();

/** The field `key` of a reply, checked against `schema`; an unreadable reply counts as a server fault. */
function field<T extends z.ZodType>(reply: unknown, key: string, schema: T, path: string): z.infer<T> {
  const value = reply && typeof reply === 'object' ? (reply as Record<string, unknown>)[key] : undefined;
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new SeamApiError('transient', `seam ${path}: unexpected reply (no valid ${key})`);
  return parsed.data;
}

/** A mutation's action attempt can already have failed; its error type says why. */
function throwIfAttemptFailed(reply: unknown, path: string): void {
  const attempt =
    reply && typeof reply === 'object' ? (reply as Record<string, unknown>).action_attempt : undefined;
  const parsed = SeamActionAttempt.safeParse(attempt);
  if (!parsed.success || parsed.data.status !== 'error') return;
  const type = parsed.data.error?.type;
  throw new SeamApiError(reasonForSeamType(type), `seam ${path}: action attempt failed: ${type ?? 'error'}`);
}

const isNotFound = (error: unknown): boolean =>
  error instanceof SeamApiError && (error.status === 404 || error.seamType === 'access_code_not_found');

/**
 * The lock-provider port over Seam's HTTP API. Seam accepts a change at once and reports its outcome
 * later, by webhook (`seam-webhook.ts`) or in the code's status (`getCode`): that is what counts (R4.2).
 */
export class SeamLockProvider implements LockProvider {
  readonly name = 'seam' as const;
  private readonly http: SeamHttp;

  constructor(options: SeamLockProviderOptions) {
    this.http = new SeamHttp(options);
  }

  async createCode(request: CodeRequest): Promise<{ accessCodeId: string }> {
    const path = '/access_codes/create';
    const body: Record<string, unknown> = {
      device_id: request.deviceId,
      code: request.code,
      name: request.name,
    };
    if (request.startsAt !== undefined) body.starts_at = iso(request.startsAt);
    if (request.endsAt !== undefined) body.ends_at = iso(request.endsAt);
    try {
      const reply = await this.http.post(path, body);
      throwIfAttemptFailed(reply, path);
      return { accessCodeId: field(reply, 'access_code', SeamAccessCode, path).access_code_id };
    } catch (error) {
      const duplicate = error instanceof LockProviderError && error.reason === 'duplicate_code';
      const earlier = duplicate ? await this.sameCodeOnDevice(request) : undefined;
      if (earlier) return { accessCodeId: earlier };
      throw error;
    }
  }

  /**
   * Seam creates are not idempotent: a retried create whose first reply was lost (timeout, 5xx)
   * meets its own code as a duplicate. A managed code identical in PIN, name and window is that one.
   */
  private async sameCodeOnDevice(request: CodeRequest): Promise<string | undefined> {
    const codes = await this.codePages('/access_codes/list', request.deviceId, true);
    const same = codes.find(
      (c) =>
        c.managed &&
        c.code === request.code &&
        c.name === request.name &&
        c.startsAt === request.startsAt &&
        c.endsAt === request.endsAt,
    );
    return same?.accessCodeId;
  }

  /**
   * R11: Seam computes the PIN (a chosen `code` is refused for offline codes). Hourly rounding and
   * reusable within the window, as a stay needs; the caller has already rounded the window outward.
   */
  async createOfflineCode(request: OfflineCodeRequest): Promise<{ accessCodeId: string; code: string }> {
    const path = '/access_codes/create';
    const reply = await this.http.post(path, {
      device_id: request.deviceId,
      name: request.name,
      starts_at: iso(request.startsAt),
      ends_at: iso(request.endsAt),
      is_offline_access_code: true,
      is_one_time_use: false,
      max_time_rounding: '1h',
    });
    throwIfAttemptFailed(reply, path);
    const created = field(reply, 'access_code', SeamAccessCode, path);
    // Seam may answer before the PIN is assigned (`is_waiting_for_code_assignment`): read it once more.
    const code = created.code || (await this.getCode(request.deviceId, created.access_code_id))?.code;
    if (!code) {
      throw new SeamApiError(
        'transient',
        `seam ${path}: offline code ${created.access_code_id} has no PIN yet`,
      );
    }
    return { accessCodeId: created.access_code_id, code };
  }

  async updateCode(_deviceId: string, accessCodeId: string, changes: CodeChanges): Promise<void> {
    const path = '/access_codes/update';
    if ((changes.startsAt === undefined) !== (changes.endsAt === undefined)) {
      throw new LockProviderError('failed_to_set', `seam ${path}: startsAt and endsAt must change together`);
    }
    const body: Record<string, unknown> = { access_code_id: accessCodeId };
    if (changes.code !== undefined) body.code = changes.code;
    if (changes.name !== undefined) body.name = changes.name;
    if (changes.startsAt !== undefined) body.starts_at = iso(changes.startsAt);
    if (changes.endsAt !== undefined) body.ends_at = iso(changes.endsAt);
    throwIfAttemptFailed(await this.http.post(path, body), path);
  }

  /** A code Seam no longer knows is already deleted: a retried deletion succeeds. */
  async deleteCode(deviceId: string, accessCodeId: string): Promise<void> {
    const path = '/access_codes/delete';
    try {
      const reply = await this.http.post(path, { device_id: deviceId, access_code_id: accessCodeId });
      throwIfAttemptFailed(reply, path);
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  async getCode(deviceId: string, accessCodeId: string): Promise<CodeOnDevice | undefined> {
    const path = '/access_codes/get';
    let reply: unknown;
    try {
      reply = await this.http.post(path, { access_code_id: accessCodeId });
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
    const code = field(reply, 'access_code', SeamAccessCode, path);
    return code.device_id === deviceId ? toCodeOnDevice(code, true) : undefined;
  }

  /** Seam lists the codes it manages and the ones it found on the lock (unmanaged) separately. */
  async listCodes(deviceId: string): Promise<CodeOnDevice[]> {
    const [managed, unmanaged] = await Promise.all([
      this.codePages('/access_codes/list', deviceId, true),
      this.codePages('/access_codes/unmanaged/list', deviceId, false),
    ]);
    return [...managed, ...unmanaged];
  }

  async getDevice(deviceId: string): Promise<DeviceStatus> {
    const path = '/devices/get';
    return toDeviceStatus(
      field(await this.http.post(path, { device_id: deviceId }), 'device', SeamDevice, path),
    );
  }

  /** Every device the Seam workspace can reach, for matching locks to properties; every page of them. */
  async listDevices(): Promise<DeviceStatus[]> {
    const devices = await this.pages('/devices/list', {}, 'devices', SeamDevice);
    return devices.map(toDeviceStatus);
  }

  private async codePages(path: string, deviceId: string, managed: boolean): Promise<CodeOnDevice[]> {
    const codes = await this.pages(path, { device_id: deviceId }, 'access_codes', SeamAccessCode);
    return codes.map((c) => toCodeOnDevice(c, managed));
  }

  /** Follows Seam's cursor, sending the same parameters with each page as its pagination requires. */
  private async pages<T extends z.ZodType>(
    path: string,
    params: Record<string, unknown>,
    key: string,
    item: T,
  ): Promise<z.infer<T>[]> {
    const all: z.infer<T>[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const body = cursor === undefined ? params : { ...params, page_cursor: cursor };
      const reply = await this.http.post(path, body);
      all.push(...field(reply, key, item.array(), path));
      cursor = nextCursor(reply);
      if (cursor === undefined) return all;
    }
    throw new SeamApiError('transient', `seam ${path}: more than ${MAX_PAGES} pages`);
  }
}
function nextCursor(reply: unknown): string | undefined {
  const pagination =
    reply && typeof reply === 'object' ? (reply as Record<string, unknown>).pagination : undefined;
  if (!pagination || typeof pagination !== 'object') return undefined;
  const { has_next_page: more, next_page_cursor: cursor } = pagination as Record<string, unknown>;
  return more === true && typeof cursor === 'string' && cursor !== '' ? cursor : undefined;
}
