import { z } from 'zod';
import { CHANNELS, LOCK_MODELS } from '#core/model.ts';
import { isValidTimeZone } from '#core/time/zoned.ts';
import { Calendar, clockTime, duplicateCalendars } from './scenario-calendars.ts';
import { Faults } from './scenario-faults.ts';
import { StaffMember, staffProblems } from './scenario-staff.ts';

// The scenario contract of docs/simulation-contract.md (version 1, and version 2's calendar feeds and
// platform faults).
// Unknown fields are refused.

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO-8601 instant with an offset' });
const id = z
  .string()
  .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1-64 letters, digits, dot, dash or underscore');

const Settings = z
  .object({
    bufferBeforeMinutes: z.number().int().min(0).max(1440).default(0),
    bufferAfterMinutes: z.number().int().min(0).max(1440).default(0),
    codeSource: z.enum(['random', 'phone']).default('random'),
    backupCodes: z.boolean().default(false),
    // No defaults: a version 1 scenario sends the product exactly what it sent before.
    checkInTime: clockTime.optional(),
    checkOutTime: clockTime.optional(),
  })
  .strict();

const Property = z
  .object({
    id,
    name: z.string().min(1).max(120).optional(),
    timeZone: z.string().refine(isValidTimeZone, 'must be an IANA time zone'),
    hosts: z.array(id).min(1),
    locks: z.array(id),
    settings: Settings.default(Settings.parse({})),
    calendars: z.array(Calendar).optional(),
  })
  .strict();

const Window = z.object({ from: instant, to: instant }).strict();

const Lock = z
  .object({
    id,
    name: z.string().min(1).max(80).optional(),
    model: z.enum(LOCK_MODELS),
    nativeScheduling: z.boolean().default(true),
    codeLengths: z.array(z.number().int().min(3).max(12)).min(1).optional(),
    maxCodes: z.number().int().min(1).max(1000).default(100),
    backupPoolSize: z.number().int().min(0).max(50).default(5),
    supportsBackupPool: z.boolean().optional(),
    existingCodes: z
      .array(z.object({ code: z.string().regex(/^\d{3,12}$/), name: z.string().max(80) }).strict())
      .default([]),
    offline: z.array(Window).default([]),
    /** R11.1: the lock verifies offline codes within these limits. */
    offlineCodes: z
      .object({
        granularityMinutes: z.number().int().min(1).max(1440),
        maxHours: z.number().int().min(1),
        firstUseWithinHours: z.number().int().min(1),
        perIdenticalWindow: z.number().int().min(1),
      })
      .strict()
      .optional(),
    rejectNext: z.number().int().min(0).max(1000).default(0),
  })
  .strict();

const Guest = z
  .object({
    name: z.string().min(1).max(200),
    phone: z
      .string()
      .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number')
      .optional(),
    email: z.email().optional(),
    locale: z.string().min(2).max(35).optional(),
  })
  .strict();

const ReservationEvent = z.discriminatedUnion('type', [
  z
    .object({
      at: instant,
      type: z.literal('modified'),
      checkIn: instant.optional(),
      checkOut: instant.optional(),
      propertyId: id.optional(),
      guest: Guest.optional(),
    })
    .strict(),
  z.object({ at: instant, type: z.literal('cancelled') }).strict(),
  z.object({ at: instant, type: z.literal('message'), host: id, usesShortcode: z.boolean() }).strict(),
]);

const Reservation = z
  .object({
    id,
    propertyId: id,
    channel: z.enum(CHANNELS),
    confirmationCode: z.string().min(1).max(64),
    guest: Guest,
    bookedAt: instant,
    checkIn: instant,
    checkOut: instant,
    events: z.array(ReservationEvent).default([]),
  })
  .strict();

const LockEvent = z
  .object({
    at: instant,
    type: z.enum(['matched', 'unmatched', 'resync', 'wiped']),
    lockId: id,
    propertyId: id.optional(),
  })
  .strict();

export const Scenario = z
  .object({
    seed: z.number().int(),
    start: instant,
    end: instant,
    properties: z.array(Property),
    locks: z.array(Lock),
    reservations: z.array(Reservation),
    lockEvents: z.array(LockEvent).default([]),
    faults: Faults.optional(),
    /** R12: staff members with codes on the properties' locks. */
    staff: z.array(StaffMember).optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const problem = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (Date.parse(s.end) <= Date.parse(s.start)) problem(['end'], 'must be after start');
    const locks = new Set(s.locks.map((l) => l.id));
    const properties = new Set(s.properties.map((p) => p.id));
    for (const [i, p] of s.properties.entries()) {
      for (const [j, lockId] of p.locks.entries()) {
        if (!locks.has(lockId)) problem(['properties', i, 'locks', j], `unknown lock ${lockId}`);
      }
    }
    for (const [i, r] of s.reservations.entries()) {
      if (!properties.has(r.propertyId))
        problem(['reservations', i, 'propertyId'], `unknown property ${r.propertyId}`);
      if (Date.parse(r.checkOut) <= Date.parse(r.checkIn))
        problem(['reservations', i, 'checkOut'], 'must be after checkIn');
      for (const [j, e] of r.events.entries()) {
        if (e.type === 'modified' && e.propertyId && !properties.has(e.propertyId)) {
          problem(['reservations', i, 'events', j, 'propertyId'], `unknown property ${e.propertyId}`);
        }
      }
    }
    for (const [i, e] of s.lockEvents.entries()) {
      if (!locks.has(e.lockId)) problem(['lockEvents', i, 'lockId'], `unknown lock ${e.lockId}`);
      if ((e.type === 'matched' || e.type === 'unmatched') && !e.propertyId) {
        problem(['lockEvents', i, 'propertyId'], `is required for ${e.type}`);
      } else if (e.propertyId && !properties.has(e.propertyId)) {
        problem(['lockEvents', i, 'propertyId'], `unknown property ${e.propertyId}`);
      }
    }
    for (const path of duplicateCalendars(s.properties)) problem(path, 'duplicate calendar id');
    for (const { path, message } of staffProblems(s.staff ?? [], properties)) problem(path, message);
    const ids = new Set<string>();
    for (const [i, r] of s.reservations.entries()) {
      if (ids.has(r.id)) problem(['reservations', i, 'id'], `duplicate reservation ${r.id}`);
      ids.add(r.id);
    }
  });

export type Scenario = z.infer<typeof Scenario>;
export type ScenarioLock = Scenario['locks'][number];
export type ScenarioReservation = Scenario['reservations'][number];
export type ScenarioProperty = Scenario['properties'][number];

export class InvalidScenarioError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.name = 'InvalidScenarioError';
    this.field = field;
  }
}

/** The scenario, or an InvalidScenarioError naming the first offending field. */
export function parseScenario(document: unknown): Scenario {
  const result = Scenario.safeParse(document);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.length ? issue.path.join('.') : '(scenario)';
  throw new InvalidScenarioError(field, issue?.message ?? 'is invalid');
}
