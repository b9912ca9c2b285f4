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
}

/** What a row is written from: the entity is copied in as JSON, as the DynamoDB store serializes it. */
export type RowInput = Omit<Row, 'body'> & { entity: object };

/**
 * DynamoDB's key order: by the keys' UTF-8 bytes (JavaScript's `<` compares UTF-16 units, which
 * differs past U+FFFF), as DynamoDB and dynalite sort.
 */
export function byKey(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** A copy of the stored entity: a caller mutating it never changes what is stored. */
export const entityOf = <T>(row: Row): T => JSON.parse(row.body) as T;

const tableKey = (pk: string, sk: string) => `${pk}\u0000${sk}`;

/**
 * The single table in memory: items by (pk, sk), kept sorted on read, and the index entries each
 * write places. Every check-and-write is synchronous, so no other write can come between a
 * condition and its write: the atomicity of DynamoDB's conditional put.
 */
export class MemoryTable {
  private readonly partitions = new Map<string, Map<string, Row>>();
  private readonly indexPartitions = new Map<string, Map<string, Row>>();

  row(pk: string, sk: string): Row | undefined {
    return this.partitions.get(pk)?.get(sk);
  }

  get<T>(pk: string, sk: string): T | undefined {
    const found = this.row(pk, sk);
    return found === undefined ? undefined : entityOf<T>(found);
  }

  put(input: RowInput): void {
    const { entity, ...keys } = input;
    const row: Row = { ...keys, body: JSON.stringify(entity) };
    this.delete(row.pk, row.sk);
    partitionOf(this.partitions, row.pk).set(row.sk, row);
    for (const [name, key] of indexEntries(row)) {
      partitionOf(this.indexPartitions, indexPartitionId(name, key.pk)).set(tableKey(row.pk, row.sk), row);
    }
  }

  /** Writes only when `condition` holds for what is stored (undefined: nothing); false otherwise. */
  putIf(input: RowInput, condition: (stored: Row | undefined) => boolean): boolean {
    if (!condition(this.row(input.pk, input.sk))) return false;
    this.put(input);
    return true;
  }

  delete(pk: string, sk: string): void {
    const partition = this.partitions.get(pk);
    const found = partition?.get(sk);
    if (partition === undefined || found === undefined) return;
    partition.delete(sk);
    if (partition.size === 0) this.partitions.delete(pk);
    for (const [name, key] of indexEntries(found)) {
      const id = indexPartitionId(name, key.pk);
      const entries = this.indexPartitions.get(id);
      entries?.delete(tableKey(pk, sk));
      if (entries?.size === 0) this.indexPartitions.delete(id);
    }
  }

  /** Copies of one partition's entities whose sort key begins with `prefix`, in sort-key order. */
  query<T>(pk: string, prefix: string): T[] {
    const partition = this.partitions.get(pk) ?? new Map<string, Row>();
    return [...partition.values()]
      .filter((row) => row.sk.startsWith(prefix))
      .sort((a, b) => byKey(a.sk, b.sk))
      .map((row) => entityOf<T>(row));
  }

  /** One index partition's rows with their index sort keys, in that key's order. */
  queryIndex(name: IndexName, pk: string): { sk: string; row: Row }[] {
    const entries = this.indexPartitions.get(indexPartitionId(name, pk)) ?? new Map<string, Row>();
    return [...entries.values()]
      .flatMap((row) => {
        const key = row.indexes?.[name];
        return key === undefined ? [] : [{ sk: key.sk, row }];
      })
      .sort((a, b) => byKey(a.sk, b.sk));
  }
}

function partitionOf(partitions: Map<string, Map<string, Row>>, id: string): Map<string, Row> {
  const found = partitions.get(id);
  if (found !== undefined) return found;
  const created = new Map<string, Row>();
  partitions.set(id, created);
  return created;
}

const indexPartitionId = (name: IndexName, pk: string) => `${name}\u0000${pk}`;

function indexEntries(row: Row): [IndexName, IndexKey][] {
  return Object.entries(row.indexes ?? {}).flatMap(([name, key]) =>
    key === undefined ? [] : [[name as IndexName, key] as [IndexName, IndexKey]],
  );
}
