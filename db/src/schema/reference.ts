// Reference data: the gemeenten, the teams, the reference counters and the declared non-working days.
import { sql } from 'drizzle-orm';
import { check, date, integer, pgTable, primaryKey, smallint, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { teamKindEnum, tstz } from './common.ts';

export const gemeenten = pgTable('gemeenten', {
  code: varchar('code', { length: 6 }).primaryKey(),
  naam: text('naam').notNull(),
});

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: teamKindEnum('kind').notNull(),
    naam: text('naam').notNull(),
    gemeenteCode: varchar('gemeente_code', { length: 6 }).references(() => gemeenten.code),
  },
  (t) => [
    // One team per kind, and one wijkteam per gemeente.
    uniqueIndex('teams_kind_gemeente_uq').on(t.kind, sql`coalesce(${t.gemeenteCode}, '')`),
    check('teams_wijkteam_has_gemeente', sql`(${t.kind} = 'wijkteam') = (${t.gemeenteCode} is not null)`),
  ],
);

/** Gap-free reference numbers per kind (A = advies, M = melding) and year: the counter row is locked by the
 *  inserting transaction, so a rolled-back insert gives its number back. */
export const referenceCounters = pgTable(
  'reference_counters',
  {
    kind: varchar('kind', { length: 1 }).notNull(),
    year: smallint('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.year] })],
);

/** Days the government declared equal to the public holidays of the Algemene termijnenwet art. 3 lid 3
 *  (e.g. the Friday after Hemelvaartsdag). Extended by an administrator. */
export const extraNietWerkdagen = pgTable('extra_niet_werkdagen', {
  datum: date('datum', { mode: 'string' }).primaryKey(),
  omschrijving: text('omschrijving').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export type Team = typeof teams.$inferSelect;
