// A case after the beoordeling: handovers, monitoring, V&V conditions, huisverboden, MDOs, onderzoeken, Code Rood
// and the melder's terugkoppeling.
import { sql } from 'drizzle-orm';
import { date, index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import * as c from '../domain/codes.ts';
import { sealedText } from '../security/field-cipher.ts';
import { monitoringStatusEnum, overdrachtStatusEnum, tstz, waitInterval } from './common.ts';
import { meldingen } from './intake.ts';
import { gemeenten, teams } from './reference.ts';
import { users } from './security.ts';
import { followsItsCase, partOfCase, regionPolicies, overdrachtPolicies } from './row-security.ts';

/**
 * A handover (domain.md step 3, overdracht): to a gemeente's wijkteam, or (route hulpverlening, policy v2) to the
 * professional already involved, named in `hulpverlening`; sent, then accepted or sent back. The wijkteam never sees a
 * handover to the hulpverlening (row-security.ts), and a Veilig Thuis case worker records that one's acceptance on
 * the contact person's behalf (`namens`).
 */
export const overdrachten = pgTable(
  'overdrachten',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    gemeenteCode: varchar('gemeente_code', { length: 6 })
      .notNull()
      .references(() => gemeenten.code),
    status: overdrachtStatusEnum('status').notNull().default('verzonden'),
    toelichting: sealedText('toelichting').notNull().default(''),
    veiligheidsvoorwaarden: sealedText('veiligheidsvoorwaarden'),
    reden: sealedText('reden'),
    /** Route hulpverlening: `{ organisatie, contactpersoon, telefoon?, email? }` as sealed JSON; null for a wijkteam. */
    hulpverlening: sealedText('hulpverlening'),
    /** Accepted on someone's behalf by a Veilig Thuis case worker: 'contactpersoon' (a warm handover). */
    namens: varchar('namens', { length: 20 }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
  },
  (t) => [
    index('overdrachten_gemeente_idx').on(t.gemeenteCode, t.status),
    // At most one pending handover per melding (api.md: 409 while one is pending).
    uniqueIndex('overdrachten_one_pending_uq').on(t.meldingId).where(sql`${t.status} = 'verzonden'`),
    index('overdrachten_pending_gist').using('gist', sql.raw(`(${waitInterval.overdrachtPending()})`)),
    index('overdrachten_melding_idx').on(t.meldingId),
    ...overdrachtPolicies(),
  ],
);

/** Monitoring checkpoints after overdracht or V&V: a regional setting, default +3, +6 and +12 months. */
export const monitoringCheckpoints = pgTable(
  'monitoring_checkpoints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    overdrachtId: uuid('overdracht_id').references(() => overdrachten.id),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    status: monitoringStatusEnum('status').notNull().default('gepland'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: tstz('recorded_at'),
  },
  (t) => [
    index('monitoring_due_idx').on(t.status, t.dueDate),
    index('monitoring_melding_idx').on(t.meldingId),
    index('monitoring_due_gist').using('gist', sql.raw(`(${waitInterval.monitoringDue()})`)),
    ...followsItsCase('monitoring_checkpoints'),
  ],
);

export const voorwaardeStatusEnum = pgEnum('voorwaarde_status', c.voorwaardeStatussen);

/**
 * Voorwaarden & Vervolg (V&V): each safety condition agreed with the household, who watches it (a professional or
 * organisation already involved), and the date it is reviewed; reviewed as kept or not kept (not kept sends the
 * case back to the MDO, which chose V&V and now chooses again).
 */
export const vvVoorwaarden = pgTable(
  'vv_voorwaarden',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    omschrijving: sealedText('omschrijving').notNull(),
    toezichthouder: sealedText('toezichthouder').notNull(),
    controleOp: date('controle_op', { mode: 'string' }).notNull(),
    status: voorwaardeStatusEnum('status').notNull().default('lopend'),
    toelichting: sealedText('toelichting'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    beoordeeldBy: uuid('beoordeeld_by').references(() => users.id),
    beoordeeldAt: tstz('beoordeeld_at'),
  },
  (t) => [index('vv_voorwaarden_melding_idx').on(t.meldingId), index('vv_voorwaarden_controle_idx').on(t.status, t.controleOp), ...followsItsCase('vv_voorwaarden')],
);

/** Tijdelijk huisverbod imposed by the mayor: 10 days, extendable to at most 28 in total. */
export const huisverboden = pgTable(
  'huisverboden',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    opgelegdOp: date('opgelegd_op', { mode: 'string' }).notNull(),
    eindigtOp: date('eindigt_op', { mode: 'string' }).notNull(),
    verlengdTotEnMet: date('verlengd_tot_en_met', { mode: 'string' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('huisverboden_melding_idx').on(t.meldingId), ...followsItsCase('huisverboden')],
);

export const mdoBesluitEnum = pgEnum('mdo_besluit', c.mdoBesluiten);
export const onderzoekVervolgEnum = pgEnum('onderzoek_vervolg', c.onderzoekVervolgen);

/** A multidisciplinary meeting (MDO): a date, its participants, and an agenda of cases from the MDO queue. */
export const mdoOverleggen = pgTable(
  'mdo_overleggen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datum: date('datum', { mode: 'string' }).notNull(),
    deelnemers: uuid('deelnemers').array().notNull(),
    /** Participants from outside Veilig Thuis (police, wijkteam, school …): `[{ naam, organisatie }]` as sealed JSON. */
    externeDeelnemers: sealedText('externe_deelnemers'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    // The region whose meeting this is (issue #19).
    regio: text('regio').default(sql`vt_regio()`),
  },
  (t) => [index('mdo_overleggen_datum_idx').on(t.datum), ...regionPolicies('mdo_overleggen')],
);

/** A case on an MDO's agenda and, once discussed, the decision with its reason and owner. */
export const mdoAgendapunten = pgTable(
  'mdo_agendapunten',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mdoId: uuid('mdo_id')
      .notNull()
      .references(() => mdoOverleggen.id, { onDelete: 'cascade' }),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    addedAt: tstz('added_at').notNull().defaultNow(),
    besluit: mdoBesluitEnum('besluit'),
    toelichting: sealedText('toelichting'),
    eigenaar: uuid('eigenaar').references(() => users.id),
    besluitBy: uuid('besluit_by').references(() => users.id),
    besluitAt: tstz('besluit_at'),
  },
  (t) => [uniqueIndex('mdo_agendapunten_uq').on(t.mdoId, t.meldingId), index('mdo_agendapunten_melding_idx').on(t.meldingId), ...partOfCase('mdo_agendapunten')],
);

/**
 * An onderzoek (domain.md step 4): decided (it then waits on the wachtlijst), started (10-week term: dueDate =
 * start + 70 days), finished with an outcome per form of violence and a follow-up.
 */
export const onderzoeken = pgTable(
  'onderzoeken',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id),
    besluitAt: tstz('besluit_at').notNull(),
    startedAt: date('started_at', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    afgerondAt: tstz('afgerond_at'),
    uitkomsten: jsonb('uitkomsten').$type<{ geweldsvorm: c.Geweldsvorm; conclusie: c.Conclusie }[]>(),
    vervolg: onderzoekVervolgEnum('vervolg'),
    /** The onderzoek's conclusions in words (issue #16): what was found, with whom it was discussed, what it means. */
    conclusie: sealedText('conclusie'),
    startedBy: uuid('started_by').references(() => users.id),
    afgerondBy: uuid('afgerond_by').references(() => users.id),
  },
  (t) => [
    // One running (or waiting) onderzoek per case.
    uniqueIndex('onderzoeken_open_uq').on(t.meldingId).where(sql`${t.afgerondAt} is null`),
    index('onderzoeken_wachtlijst_idx').on(t.besluitAt).where(sql`${t.startedAt} is null`),
    index('onderzoeken_wachtlijst_gist').using('gist', sql.raw(`(${waitInterval.wachtlijstOnderzoek()})`)),
    index('onderzoeken_overdue_gist').using('gist', sql.raw(`(${waitInterval.onderzoekOverdue()})`)).where(sql`${t.dueDate} is not null`),
    index('onderzoeken_besluit_idx').on(t.besluitAt),
    index('onderzoeken_started_idx').on(t.startedAt),
    index('onderzoeken_afgerond_idx').on(t.afgerondAt),
    index('onderzoeken_melding_idx').on(t.meldingId),
    ...followsItsCase('onderzoeken'),
  ],
);

/** Code Rood (Twente's regional escalation for acute danger and intimate terrorism): flagged with its date, and its
 *  outcome once the Zorg- en Veiligheidshuis has dealt with it. */
export const codeRood = pgTable(
  'code_rood',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    datum: date('datum', { mode: 'string' }).notNull(),
    toelichting: sealedText('toelichting').notNull(),
    uitkomst: sealedText('uitkomst'),
    uitkomstDatum: date('uitkomst_datum', { mode: 'string' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('code_rood_melding_idx').on(t.meldingId), ...followsItsCase('code_rood')],
);

export const acuteActieEnum = pgEnum('acute_actie', c.acuteActies);

/**
 * The acute response the crisis team gave (domain.md step 2, "act now"; issue #16): when, what (a house visit, a
 * safety plan, the police …) and by whom. The first one given after `response_due_at` makes the case count as an
 * acute response given late on the dashboard (`acute_inzet_te_laat`).
 */
export const acuteInzetten = pgTable(
  'acute_inzetten',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    gegevenOp: tstz('gegeven_op').notNull(),
    acties: acuteActieEnum('acties').array().notNull(),
    uitvoerders: uuid('uitvoerders').array().notNull(),
    toelichting: sealedText('toelichting'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('acute_inzetten_melding_idx').on(t.meldingId, t.gegevenOp), ...followsItsCase('acute_inzetten')],
);

export const terugkoppelMomentEnum = pgEnum('terugkoppel_moment', c.terugkoppelMomenten);

/** The melder hears the outcome after the beoordeling and again after the onderzoek (domain.md step 5): each is a
 *  task with a due date, recorded when done, with the message the melder reads on the status page and when it was read. */
export const terugkoppelingen = pgTable(
  'terugkoppelingen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    moment: terugkoppelMomentEnum('moment').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    doneAt: tstz('done_at'),
    doneBy: uuid('done_by').references(() => users.id),
    /** A note for the file only (how the melder was reached); never shown to the melder. */
    notitie: sealedText('notitie'),
    /** The message to the melder, written by the case worker and shown on the melder's status page (issue #20). */
    bericht: sealedText('bericht'),
    /** When the melder first opened the status page with this message on it. */
    gelezenAt: tstz('gelezen_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('terugkoppelingen_uq').on(t.meldingId, t.moment),
    index('terugkoppelingen_open_idx').on(t.dueDate).where(sql`${t.doneAt} is null`),
    // The dashboard's two percentages over the last 90 days: by due date (on time) and by the message's writing (read).
    index('terugkoppelingen_due_idx').on(t.dueDate, t.doneAt),
    index('terugkoppelingen_bericht_idx').on(t.doneAt, t.gelezenAt).where(sql`${t.bericht} is not null`),
    ...followsItsCase('terugkoppelingen'),
  ],
);
