/**
 * DynamoDB's key order: by the keys' UTF-8 bytes. JavaScript's `<` compares UTF-16 units, which
 * differs only where a surrogate (a code point past U+FFFF) meets U+E000–U+FFFF: ranked here so
 * that surrogates sort last, as their UTF-8 bytes do, without encoding either key.
 */
export function byKey(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return utf8Rank(x) - utf8Rank(y);
  }
  return a.length - b.length;
}

const utf8Rank = (unit: number) =>
  unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit >= 0xe000 ? unit - 0x800 : unit;

/** Where `key` is, or would go, among `sorted`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (byKey(sorted[middle] as string, key) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * A map kept in DynamoDB's key order, so a Query reads a key range without sorting a partition:
 * a host's partition holds every reservation of the account.
 */
export class SortedMap<V> {
  private readonly values = new Map<string, V>();
  private readonly keys: string[] = [];

  get size(): number {
    return this.values.size;
  }

  get(key: string): V | undefined {
    return this.values.get(key);
  }

  set(key: string, value: V): void {
    if (!this.values.has(key)) this.keys.splice(lowerBound(this.keys, key), 0, key);
    this.values.set(key, value);
  }

  delete(key: string): void {
    if (!this.values.delete(key)) return;
    this.keys.splice(lowerBound(this.keys, key), 1);
  }

  /** Entries with `from` ≤ key (all when absent), in key order, while `within` holds. */
  *from(from: string | undefined, within: (key: string) => boolean = () => true): Generator<[string, V]> {
    for (let i = from === undefined ? 0 : lowerBound(this.keys, from); i < this.keys.length; i++) {
      const key = this.keys[i] as string;
      if (!within(key)) return;
      yield [key, this.values.get(key) as V];
    }
  }
}
