import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { FeedFetchProblem } from '#ports/feed-fetcher.ts';
import { isLoopbackAddress, isPublicAddress } from './public-address.ts';

// Whether a feed URL may be fetched, and from which address (R10.7): checked before every request,
// the first and each redirect's, so the connection goes to the very address that was judged.

/** A host name's addresses; the default asks the system resolver for all of them. */
export type Resolve = (host: string) => Promise<string[]>;

export const systemResolve: Resolve = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((found) => found.address);

export interface TargetPolicy {
  /** The local runtime's: plain http, and loopback addresses, are allowed too. */
  allowLoopbackHttp: boolean;
  resolve: Resolve;
}

export type Target = { ok: true; address: string } | { ok: false; problem: FeedFetchProblem };

const refused = (problem: FeedFetchProblem): Target => ({ ok: false, problem });

/** The address to connect to for `url`, or why it may not be fetched. Never throws. */
export async function checkTarget(url: URL, policy: TargetPolicy): Promise<Target> {
  const http = url.protocol === 'http:';
  if (!(url.protocol === 'https:' || (http && policy.allowLoopbackHttp))) return refused('not_https');
  // URL keeps IPv6 literals in brackets; a literal is judged as it is, with no lookup.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) === 0 ? await policy.resolve(host) : [host];
  } catch {
    return refused('unreachable');
  }
  const [first] = addresses;
  if (first === undefined) return refused('unreachable');
  // Every address must pass, not only the one connected to: a name is refused as a whole.
  const loopback = addresses.every((address) => policy.allowLoopbackHttp && isLoopbackAddress(address));
  if (!loopback && !addresses.every(isPublicAddress)) return refused('address_refused');
  // Plain http is for the local runtime's loopback feeds only.
  if (http && !loopback) return refused('not_https');
  return { ok: true, address: first };
}
