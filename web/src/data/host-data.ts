import { ApiError, get } from '../api/client.ts';
import type {
  AccessView,
  AccountLock,
  Lock,
  Page,
  Property,
  ProviderName,
  ReservationSummary,
} from '../api/types.ts';

// What every screen starts from: the host's properties and locks, and what the lock providers say
// of each lock now.

export interface HostData {
  properties: Property[];
  locks: Lock[];
  /** Each lock's live device status, from the connected accounts; absent when no account says. */
  live: Map<string, AccountLock['device']>;
  accounts: ProviderName[];
}

export async function loadHostData(): Promise<HostData> {
  const [{ properties }, { locks }, { accounts }] = await Promise.all([
    get<{ properties: Property[] }>('/v1/properties'),
    get<{ locks: Lock[] }>('/v1/locks'),
    get<{ accounts: { provider: ProviderName }[] }>('/v1/lock-accounts'),
  ]);
  const providers = accounts.map((a) => a.provider);
  const live = new Map<string, AccountLock['device']>();
  for (const provider of providers) {
    const answer = await get<{ locks: AccountLock[] }>(`/v1/lock-accounts/${provider}/locks`);
    for (const lock of answer.locks) live.set(lock.lockId, lock.device);
  }
  return { properties, locks, live, accounts: providers };
}

/** true or false when the provider answered, undefined when nobody could say. */
export function isOnline(host: HostData, lockId: string): boolean | undefined {
  const device = host.live.get(lockId);
  return device?.reachable ? device.online : undefined;
}

export const lockName = (host: HostData, lockId: string) =>
  host.locks.find((l) => l.lockId === lockId)?.name ?? lockId;

/** Every page of one property's reservations whose code window overlaps [from, to). */
export async function loadReservations(
  propertyId: string,
  from: Date,
  to: Date,
): Promise<ReservationSummary[]> {
  const all: ReservationSummary[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({
      propertyId,
      from: from.toISOString(),
      to: to.toISOString(),
      limit: '100',
    });
    if (cursor) query.set('cursor', cursor);
    const page: Page<ReservationSummary> = await get(`/v1/reservations?${query}`);
    all.push(...page.reservations);
    cursor = page.cursor;
  } while (cursor);
  return all;
}

export const loadAccessView = (reservationId: string) =>
  get<AccessView>(`/v1/reservations/${encodeURIComponent(reservationId)}`);

/** A reservation with its property, the full access view and the property's zone for display. */
interface HostReservation {
  property: Property;
  view: AccessView;
}

/** The host's reservations over [from, to) that pass `keep`, each with its access view, by check-in. */
export async function loadHostReservations(
  host: HostData,
  from: Date,
  to: Date,
  keep: (r: ReservationSummary, property: Property) => boolean,
): Promise<HostReservation[]> {
  const perProperty = await Promise.all(
    host.properties.map(async (property) => {
      const summaries = (await loadReservations(property.propertyId, from, to)).filter((r) =>
        keep(r, property),
      );
      return Promise.all(
        summaries.map(async (r) => ({ property, view: await loadAccessView(r.reservationId) })),
      );
    }),
  );
  return perProperty
    .flat()
    .sort((a, b) => Date.parse(a.view.checkIn ?? '') - Date.parse(b.view.checkIn ?? ''));
}

/** A 404 means the resource or route is not there; anything else is a real failure. */
export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;
