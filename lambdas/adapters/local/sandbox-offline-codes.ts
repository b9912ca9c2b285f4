import { createHash } from 'node:crypto';
import { LockProviderError } from '#core/errors.ts';
import type { Instant } from '#core/model.ts';
import type { OfflineCodeLimits } from '#core/offline/limits.ts';

// A stand-in for a brand's offline-code algorithm (R11.1): the provider derives a PIN from the device
// and the window, and the lock checks it with no connection, inside the brand's limits.

const MINUTE = 60_000;
const HOUR = 3_600_000;

interface IssuedOfflineCode {
  code: string;
  startsAt: Instant;
  endsAt: Instant;
  /** When the lock first accepted it; the brand's first-use limit counts from the start. */
  firstUsedAt?: Instant | undefined;
}

/** The offline codes one simulated lock verifies, as the brand's algorithm would. */
export class OfflineCodeBook {
  private readonly deviceId: string;
  private readonly limits: OfflineCodeLimits;
  private readonly codeLength: number;
  private readonly issued: IssuedOfflineCode[] = [];

  constructor(deviceId: string, limits: OfflineCodeLimits, codeLength: number) {
    this.deviceId = deviceId;
    this.limits = limits;
    this.codeLength = codeLength;
  }

  /**
   * The window rounded outward to the granularity; refused when longer than the brand allows or
   * when the identical window already had its share of requests. The same window gives the same
   * PIN, so a run is reproducible.
   */
  issue(startsAt: Instant, endsAt: Instant): { code: string; startsAt: Instant; endsAt: Instant } {
    const step = this.limits.granularityMinutes * MINUTE;
    const from = Math.floor(startsAt / step) * step;
    const to = Math.ceil(endsAt / step) * step;
    if (!(to > from)) throw new LockProviderError('failed_to_set', 'endsAt must be after startsAt');
    if (to - from > this.limits.maxHours * HOUR)
      throw new LockProviderError(
        'failed_to_set',
        `offline codes last at most ${this.limits.maxHours} hours`,
      );
    const same = this.issued.filter((c) => c.startsAt === from && c.endsAt === to).length;
    if (same >= this.limits.perIdenticalWindow)
      throw new LockProviderError('failed_to_set', 'no more offline codes for this window');
    const digest = createHash('sha256').update(`${this.deviceId}|${from}|${to}`).digest();
    const code = [...digest.subarray(0, this.codeLength)].map((byte) => String(byte % 10)).join('');
    this.issued.push({ code, startsAt: from, endsAt: to });
    return { code, startsAt: from, endsAt: to };
  }

  /**
   * Whether the lock opens for `pin` at `at` with no connection: inside the code's window, and only
   * if its first use falls within the brand's limit of the start. A successful try counts as use.
   */
  tryPin(pin: string, at: Instant): boolean {
    const deadline = (c: IssuedOfflineCode) => c.startsAt + this.limits.firstUseWithinHours * HOUR;
    const code = this.issued.find(
      (c) =>
        c.code === pin &&
        c.startsAt <= at &&
        at < c.endsAt &&
        (c.firstUsedAt !== undefined || at < deadline(c)),
    );
    if (!code) return false;
    code.firstUsedAt ??= at;
    return true;
  }
}
