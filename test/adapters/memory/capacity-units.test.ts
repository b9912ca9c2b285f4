import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoStore } from '#adapters/aws/dynamo-store.ts';
import { itemBytes, numberBytes, readUnits, writeUnits } from '#adapters/memory/capacity.ts';
import { MemoryStore } from '#adapters/memory/memory-store.ts';
import type { EveryStore } from '#core/deps.ts';
import type { Property } from '#core/model.ts';
import { Activity } from '#local/activity.ts';
import { type AwsCalls, noAwsCalls } from '#local/aws-calls.ts';
import { type LocalDynamo, startLocalDynamo } from '#local/dynamo.ts';
import { lock, property, reservation } from '../aws/fixtures.ts';

// The in-memory store prices each call as DynamoDB bills it (docs/decisions.md, "Capacity units in
// memory"). Where dynalite models DynamoDB's billing (plain gets, puts, deletes and queries of ASCII
// items), the units must equal dynalite's ConsumedCapacity for the same operation; where it does not
// (index writes, refused conditional writes, empty queries, UTF-8), the figures are derived by hand
// from DynamoDB's documentation.

type Units = { read: number; write: number; calls: number };

/** One store operation's units, on each adapter. */
interface Sides {
  memory: (op: (store: EveryStore) => Promise<unknown>) => Promise<Units>;
  dynalite: (op: (store: EveryStore) => Promise<unknown>) => Promise<Units>;
}

function meteredMemory() {
  const units: Units = { read: 0, write: 0, calls: 0 };
  const store = new MemoryStore({
    read: (u) => {
      units.read += u;
      units.calls++;
    },
    write: (u) => {
      units.write += u;
      units.calls++;
    },
  });
  return { store, units };
}

const delta = async (counter: () => Units, op: () => Promise<unknown>): Promise<Units> => {
  const before = counter();
  await op().catch(() => undefined); // a refused write still consumes units
  const after = counter();
  return {
    read: after.read - before.read,
    write: after.write - before.write,
    calls: after.calls - before.calls,
  };
};

/** A property whose item is about `bytes` long, to cross the 1 KB and 4 KB boundaries. */
const sized = (id: string, bytes: number): Property => ({ ...property('h1', id), name: 'x'.repeat(bytes) });

describe('DynamoDB capacity units in the in-memory store', () => {
  let dynamo: LocalDynamo;
  let calls: AwsCalls;
  let sides: Sides;

  beforeAll(async () => {
    calls = noAwsCalls();
    dynamo = await startLocalDynamo(new Activity(), calls);
    const onDynalite = new DynamoStore(dynamo.client, dynamo.tableName);
    const memory = meteredMemory();
    sides = {
      memory: (op) =>
        delta(
          () => ({ ...memory.units }),
          () => op(memory.store),
        ),
      dynalite: (op) =>
        delta(
          () => ({ read: calls.dynamodbReadUnits, write: calls.dynamodbWriteUnits, calls: calls.dynamodb }),
          () => op(onDynalite),
        ),
    };
  });
  afterAll(() => dynamo.stop());

  const both = async (op: (store: EveryStore) => Promise<unknown>) => ({
    memory: await sides.memory(op),
    dynalite: await sides.dynalite(op),
  });

  it.each([
    ['a put of a new small item', (s: EveryStore) => s.putProperty(sized('small', 10))],
    ['a put of a 2.5 KB item (3 write units)', (s: EveryStore) => s.putProperty(sized('big', 2_500))],
    [
      'a put replacing it with a small one (the larger size counts)',
      (s: EveryStore) => s.putProperty(sized('big', 10)),
    ],
    ['a put of a 9 KB item', (s: EveryStore) => s.putProperty(sized('huge', 9_000))],
    [
      'a strongly consistent get of a 9 KB item (3 read units)',
      (s: EveryStore) => s.getProperty('h1', 'huge'),
    ],
    ['a get of a small item', (s: EveryStore) => s.getProperty('h1', 'small')],
    ['a get that finds nothing (still one unit)', (s: EveryStore) => s.getProperty('h1', 'missing')],
    [
      'a lock: its device reference, then the lock (two puts)',
      (s: EveryStore) => s.putLock(lock('h1', 'front')),
    ],
    [
      'a Query summing its items before rounding (eventually consistent: half)',
      (s: EveryStore) => s.listProperties('h1'),
    ],
    ['a delete of a stored item', (s: EveryStore) => s.deletePoolCode('h1', 'front', 'none')],
  ])('R9.1 store: %s costs what dynalite reports', async (_, op) => {
    const { memory, dynalite } = await both(op);
    expect(memory).toEqual(dynalite);
    expect(memory.read + memory.write).toBeGreaterThan(0);
  });

  it('a Query of 9 KB and two small items reads 2 units eventually consistent, not 3 rounded one by one', async () => {
    const { memory, dynalite } = await both((s) => s.listProperties('h1'));
    expect(memory).toEqual({ read: 1.5, write: 0, calls: 1 });
    expect(dynalite).toEqual(memory);
  });

  // Hand-derived: dynalite reports no index writes, nothing for a refused write and 0 for an empty Query.
  it('a reservation written into both indexes costs its table write plus one write per index', async () => {
    const r = reservation('h1', 'r1');
    const { memory, dynalite } = await both((s) => s.createReservation(r));
    expect(dynalite.write).toBe(1); // the table's own write only
    expect(memory).toEqual({ read: 0, write: 3, calls: 1 });
  });

  it('a save that moves its index keys costs two writes in each index it moves in', async () => {
    const r = reservation('h1', 'r1');
    const moved = {
      ...r,
      version: r.version + 1,
      code: {
        ...r.code,
        activeFrom: r.code.activeFrom + 86_400_000,
        activeUntil: r.code.activeUntil + 86_400_000,
      },
    };
    const memory = await sides.memory((s) => s.saveReservation(moved, r.version));
    // table 1, byProperty (end moved) 2, byDue (start moved) 2
    expect(memory).toEqual({ read: 0, write: 5, calls: 1 });
  });

  it('a refused conditional write still consumes the units of the item it was checked against', async () => {
    const r = reservation('h1', 'r2');
    await sides.memory((s) => s.createReservation(r));
    const memory = await sides.memory((s) => s.createReservation(r));
    expect(memory).toEqual({ read: 0, write: 1, calls: 1 });
  });

  it('a Query that finds nothing still costs the minimum read, half a unit', async () => {
    const memory = await sides.memory((s) => s.listLocks('nobody'));
    expect(memory).toEqual({ read: 0.5, write: 0, calls: 1 });
  });

  it('sizes strings in UTF-8 bytes and numbers in pairs of significant digits', () => {
    expect(itemBytes({ pk: 'ab' })).toBe(4);
    expect(itemBytes({ name: 'Pérez' })).toBe(4 + 6);
    expect(numberBytes(0)).toBe(1);
    expect(numberBytes(7)).toBe(2);
    expect(numberBytes(123)).toBe(3);
    expect(numberBytes(1000)).toBe(2); // one significant digit
    expect(numberBytes(1_764_547_200_000)).toBe(6); // 1764547200000: 8 significant digits, paired from the point
    expect(numberBytes(-5)).toBe(3);
  });

  it('rounds reads up to 4 KB (half when eventually consistent) and writes up to 1 KB', () => {
    expect(readUnits(4096, true)).toBe(1);
    expect(readUnits(4097, true)).toBe(2);
    expect(readUnits(4097, false)).toBe(1);
    expect(readUnits(0, false)).toBe(0.5);
    expect(writeUnits(1024)).toBe(1);
    expect(writeUnits(1025)).toBe(2);
    expect(writeUnits(0)).toBe(1);
  });
});
