import { BY_DUE_INDEX, BY_PROPERTY_INDEX } from '#config/table-layout.ts';
import { jsonCopy } from '#core/json-copy.ts';
import {
  type CapacityMeter,
  itemBytes,
  readUnits,
  type SizedAttributes,
  unmetered,
  writeUnits,
} from './capacity.ts';
import { byKey, SortedMap } from './sorted-keys.ts';

export { byKey } from './sorted-keys.ts';

/** The secondary indexes, as on the DynamoDB table (aws/table.ts). */
export type IndexName = 'byProperty' | 'byDue';

export interface IndexKey {
  pk: string;
  sk: string;
}

/** One stored item: its keys, the entity as DynamoDB's item body holds it (JSON text), its version. */
export interface Row {
  pk: string;
  sk: string;
  body: string;
  version?: number | undefined;
  /** The row's keys in the indexes it is in; absent ones leave it out, as sparse indexes do. */
  indexes?: Partial<Record<IndexName, IndexKey>> | undefined;
  /** The size of the item the DynamoDB adapter writes for it, for capacity units. */
  bytes: number;
  /** The entity parsed once, never handed out: each read gets a copy of it. */
  parsed?: unknown;
}

/**
 * What a row is written from: the entity is copied in as JSON, as the DynamoDB store serializes it;
 * `kind` and `attributes` are the DynamoDB item's other attributes, kept for its size only.
 */
export type RowInput = Omit<Row, 'body' | 'bytes'> & {
  entity: object;
  kind: string;
  attributes?: SizedAttributes;
};

/** Bounds on an index Query's sort key, as its key condition and start key set them. */
export interface IndexRange {
  from?: string | undefined;
  to?: string | undefined;
  /** An exclusive start: keys up to and including it are skipped. */
  after?: string | undefined;
  /** DynamoDB's Limit: items evaluated at most. */
  limit?: number | undefined;
}

/** A copy of the stored entity: a caller mutating it never changes what is stored. */
export function entityOf<T>(row: Row): T {
  row.parsed ??= JSON.parse(row.body);
  return jsonCopy(row.parsed) as T;
}

const INDEX_ATTRIBUTES: Record<IndexName, { partitionKey: string; sortKey: string }> = {
  byProperty: BY_PROPERTY_INDEX,
  byDue: BY_DUE_INDEX,
};

interface IndexEntry {
  sk: string;
  row: Row;
}

/**
 * The single table in memory: items by (pk, sk) in DynamoDB's key order, and the index entries each
 * write places. Every check-and-write is synchronous, so no other write can come between a
 * condition and its write: the atomicity of DynamoDB's conditional put. Each method is one DynamoDB
 * call, told to the meter with the capacity units DynamoDB would bill for it.
 */
export class MemoryTable {
  private readonly partitions = new Map<string, SortedMap<Row>>();
  private readonly indexPartitions = new Map<string, SortedMap<IndexEntry>>();
  private readonly meter: CapacityMeter;

  constructor(meter: CapacityMeter = unmetered) {
    this.meter = meter;
  }

  /** A GetItem, strongly consistent. */
  row(pk: string, sk: string): Row | undefined {
    const found = this.stored(pk, sk);
    this.meter.read(readUnits(found?.bytes ?? 0, true));
    return found;
  }

  get<T>(pk: string, sk: string): T | undefined {
    const found = this.row(pk, sk);
    return found === undefined ? undefined : entityOf<T>(found);
  }

  put(input: RowInput): void {
    this.write(toRow(input), this.stored(input.pk, input.sk));
  }

  /**
   * Writes only when `condition` holds for what is stored (undefined: nothing); false otherwise. A
   * refused write still consumes the units of the item it was checked against.
   */
  putIf(input: RowInput, condition: (stored: Row | undefined) => boolean): boolean {
    const stored = this.stored(input.pk, input.sk);
    if (!condition(stored)) {
      this.meter.write(writeUnits(stored?.bytes ?? 0));
      return false;
    }
    this.write(toRow(input), stored);
    return true;
  }

  delete(pk: string, sk: string): void {
    const found = this.stored(pk, sk);
    this.meter.write(writeUnits(found?.bytes ?? 0) + indexWriteUnits(found, undefined));
    if (found !== undefined) this.remove(found);
  }

  /** Copies of one partition's entities whose sort key begins with `prefix`, in sort-key order. */
  query<T>(pk: string, prefix: string): T[] {
    const rows = [...(this.partitions.get(pk)?.from(prefix, (sk) => sk.startsWith(prefix)) ?? [])].map(
      ([, row]) => row,
    );
    this.meter.read(readUnits(sum(rows), false));
    return rows.map((row) => entityOf<T>(row));
  }

  /** One index Query (eventually consistent, as every index read): the rows it evaluates, in key order. */
  queryIndex(name: IndexName, pk: string, range: IndexRange = {}): IndexEntry[] {
    const entries = this.indexPartitions.get(indexPartitionId(name, pk));
    const start = range.after ?? range.from;
    const found: IndexEntry[] = [];
    for (const [, entry] of entries?.from(start) ?? []) {
      if (range.limit !== undefined && found.length >= range.limit) break;
      if (range.after !== undefined && entry.sk === range.after) continue;
      if (range.from !== undefined && byKey(entry.sk, range.from) < 0) continue;
      if (range.to !== undefined && byKey(entry.sk, range.to) > 0) break;
      found.push(entry);
    }
    this.meter.read(readUnits(sum(found.map((e) => e.row)), false));
    return found;
  }

  private stored(pk: string, sk: string): Row | undefined {
    return this.partitions.get(pk)?.get(sk);
  }

  private write(row: Row, before: Row | undefined): void {
    this.meter.write(writeUnits(Math.max(row.bytes, before?.bytes ?? 0)) + indexWriteUnits(before, row));
    // Replaced in place: a host's partition holds every reservation, too many to re-sort on each save.
    partitionOf(this.partitions, row.pk).set(row.sk, row);
    if (before !== undefined) this.removeIndexEntries(before);
    for (const [name, key] of indexEntries(row)) {
      partitionOf(this.indexPartitions, indexPartitionId(name, key.pk)).set(indexEntryKey(key, row), {
        sk: key.sk,
        row,
      });
    }
  }

  private remove(row: Row): void {
    const partition = this.partitions.get(row.pk);
    partition?.delete(row.sk);
    if (partition?.size === 0) this.partitions.delete(row.pk);
    this.removeIndexEntries(row);
  }

  private removeIndexEntries(row: Row): void {
    for (const [name, key] of indexEntries(row)) {
      const id = indexPartitionId(name, key.pk);
      const entries = this.indexPartitions.get(id);
      entries?.delete(indexEntryKey(key, row));
      if (entries?.size === 0) this.indexPartitions.delete(id);
    }
  }
}

function toRow(input: RowInput): Row {
  const { entity, kind, attributes, ...keys } = input;
  const body = JSON.stringify(entity);
  const indexAttributes: Record<string, string> = {};
  for (const [name, key] of indexEntries(keys)) {
    indexAttributes[INDEX_ATTRIBUTES[name].partitionKey] = key.pk;
    indexAttributes[INDEX_ATTRIBUTES[name].sortKey] = key.sk;
  }
  const bytes = itemBytes({
    pk: keys.pk,
    sk: keys.sk,
    kind,
    body,
    version: keys.version,
    ...attributes,
    ...indexAttributes,
  });
  return { ...keys, body, bytes };
}

/**
 * What a write costs in the indexes (every one projects ALL): one write where the item enters,
 * leaves or changes in an index, two where its index key moves (the old entry out, the new in).
 */
function indexWriteUnits(before: Row | undefined, after: Row | undefined): number {
  let units = 0;
  for (const name of Object.keys(INDEX_ATTRIBUTES) as IndexName[]) {
    const old = before?.indexes?.[name];
    const next = after?.indexes?.[name];
    const moved = old !== undefined && next !== undefined && (old.pk !== next.pk || old.sk !== next.sk);
    if (old !== undefined && (next === undefined || moved)) units += writeUnits(before?.bytes ?? 0);
    if (next !== undefined)
      units += writeUnits(moved ? (after?.bytes ?? 0) : Math.max(after?.bytes ?? 0, before?.bytes ?? 0));
  }
  return units;
}

const sum = (rows: Row[]) => rows.reduce((total, row) => total + row.bytes, 0);

function partitionOf<V>(partitions: Map<string, SortedMap<V>>, id: string): SortedMap<V> {
  const found = partitions.get(id);
  if (found !== undefined) return found;
  const created = new SortedMap<V>();
  partitions.set(id, created);
  return created;
}

const indexPartitionId = (name: IndexName, pk: string) => `${name}\u0000${pk}`;
// Entries order by their index sort key, then by the item's keys.
const indexEntryKey = (key: IndexKey, row: { pk: string; sk: string }) =>
  `${key.sk}\u0000${row.pk}\u0000${row.sk}`;

function indexEntries(row: Pick<Row, 'indexes'>): [IndexName, IndexKey][] {
  return Object.entries(row.indexes ?? {}).flatMap(([name, key]) =>
    key === undefined ? [] : [[name as IndexName, key] as [IndexName, IndexKey]],
  );
}
