// Reference data: the gemeenten, the teams, the reference counters, the declared non-working days and the triage policy's activations.
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, smallint, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
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

/**
 * Which triage policy version is active from when (domain.md, "Activation"): the version of a new proposal is the one
 * whose `ingang` is the latest not after the moment of the proposal. The migration that brought v2 made it active from
 * its deploy; a later switch is a beheerder's action with a reason (POST /api/triage/beleid/activeren), audited.
 */
export const triageBeleidActivaties = pgTable(
  'triage_beleid_activaties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versie: text('versie').notNull(),
    ingang: tstz('ingang').notNull(),
    reden: text('reden').notNull(),
    door: uuid('door'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('triage_beleid_activaties_ingang_idx').on(t.ingang)],
);

export type Team = typeof teams.$inferSelect;
