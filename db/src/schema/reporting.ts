// The dashboard's metrics and targets, and the day counts behind the half-year report.
import { bigint, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import * as c from '../domain/codes.ts';
import { tstz } from './common.ts';
import { teams } from './reference.ts';
import { users } from './security.ts';

/**
 * Day counts behind the half-year report and the yearly factsheet (repositories/rapportage.ts): per Amsterdam
 * calendar day a row per category and code, for the days before today. A day is computed again when its data
 * changed: triggers (db/drizzle/0000_baseline.sql) raise the day's version in rapportage_wijzigingen, and the day's stand says
 * from which version it was computed.
 */
export const rapportageDagen = pgTable(
  'rapportage_dagen',
  {
    dag: date('dag', { mode: 'string' }).notNull(),
    /**
     * The gemeente of the situation ('' for an advies that names none), or '*' for the whole region: the region's
     * rows are counted beside the gemeenten's (each read is one index range), and equal their sum (tested).
     */
    gemeente: text('gemeente').notNull(),
    categorie: text('categorie').notNull(),
    code: text('code').notNull(),
    aantal: integer('aantal').notNull(),
  },
  (t) => [primaryKey({ columns: [t.gemeente, t.dag, t.categorie, t.code] })],
);
export const rapportageDagStand = pgTable('rapportage_dag_stand', {
  dag: date('dag', { mode: 'string' }).primaryKey(),
  versie: bigint('versie', { mode: 'number' }).notNull(),
  /** The layout of the counts the day was counted in (repositories/rapportage.ts DAGTELLING_OPZET): another is stale. */
  opzet: integer('opzet').notNull().default(0),
  berekendOp: tstz('berekend_op').notNull().defaultNow(),
});
export const rapportageWijzigingen = pgTable('rapportage_wijzigingen', {
  dag: date('dag', { mode: 'string' }).primaryKey(),
  versie: bigint('versie', { mode: 'number' }).notNull().default(1),
});

export const dashboardMetricEnum = pgEnum('dashboard_metric', c.dashboardMetrics);

/**
 * Targets per region or team, with history: each row holds from `validFrom` on, so a target set in March does not
 * rewrite how February is judged.
 */
export const dashboardTargets = pgTable(
  'dashboard_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    metric: dashboardMetricEnum('metric').notNull(),
    teamId: uuid('team_id').references(() => teams.id),
    value: integer('value').notNull(),
    validFrom: tstz('valid_from').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('dashboard_targets_lookup_idx').on(t.metric, t.teamId, t.validFrom)],
);

/**
 * A delivery of the half-year figures to CBS (issue #18): the rows as they stood, the moment of the stand, the
 * mapping's version and a SHA-256 checksum over the rows in order, so a resubmission can be compared with the last
 * one. Aggregates only; kept like the reports themselves.
 */
export const cbsAanleveringen = pgTable(
  'cbs_aanleveringen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    jaar: integer('jaar').notNull(),
    half: integer('half').notNull(),
    peilmoment: tstz('peilmoment').notNull(),
    versie: text('versie').notNull(),
    checksum: text('checksum').notNull(),
    rijen: jsonb('rijen').$type<{ tabel: string; dimensie: string; categorie: string; label: string; eenheid: string; aantal: number }[]>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('cbs_aanleveringen_periode_idx').on(t.jaar, t.half, t.createdAt)],
);
