// What comes in and its triage: adviezen, meldingen with their betrokkenen, every triage proposal, every
// beoordeling, the case history and the outbox.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import * as c from '../domain/codes.ts';
import { eventData, sealedText } from '../security/field-cipher.ts';
import { adviesKanaalEnum, adviesUitkomstEnum, ketenberichtStatusEnum, bandEnum, beoordelingWachtSpan, beroepEnum, betrokkeneRolEnum, duurGeweldEnum, eerdereBetrokkenheidEnum, eventTypeEnum, geweldsvormEnum, melderRolEnum, melderTypeEnum, meldingKanaalEnum, meldingStatusEnum, routeEnum, sectorEnum, tstz, tstzrange, urgencyEnum, vbUitkomstEnum, vragerTypeEnum, werkvoorraadDue } from './common.ts';
import { gemeenten, teams } from './reference.ts';
import { apiClients, users } from './security.ts';
import { followsItsCase, meldingPolicies, partOfCase, regionPolicies } from './row-security.ts';

export const adviezen = pgTable(
  'adviezen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    kanaal: adviesKanaalEnum('kanaal').notNull(),
    startedAt: tstz('started_at').notNull(),
    endedAt: tstz('ended_at'),
    vragerType: vragerTypeEnum('vrager_type').notNull(),
    sector: sectorEnum('sector'),
    // For the CBS delivery (issue #18): the professional's occupation, how long the violence has gone on, and the
    // gemeente of the situation. A gemeente identifies no one, so an anonymous advies may name it too.
    beroep: beroepEnum('beroep'),
    duurGeweld: duurGeweldEnum('duur_geweld'),
    gemeenteCode: varchar('gemeente_code', { length: 6 }).references(() => gemeenten.code),
    anoniem: boolean('anoniem').notNull(),
    // Who asked, when they consented to be named: sealed at rest like the free text (issue #14).
    vragerNaam: sealedText('vrager_naam'),
    vragerTelefoon: sealedText('vrager_telefoon'),
    vragerEmail: sealedText('vrager_email'),
    vragerOrganisatie: sealedText('vrager_organisatie'),
    geweldsvormen: geweldsvormEnum('geweldsvormen').array().notNull().default(sql`'{}'`),
    samenvatting: sealedText('samenvatting').notNull(),
    adviesGegeven: sealedText('advies_gegeven').notNull(),
    uitkomst: adviesUitkomstEnum('uitkomst').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
    // Set when retention (2 years) took the identifying data and free text out; the statistics stay.
    anonymisedAt: tstz('anonymised_at'),
    // The Veilig Thuis region whose case this is (issue #19): the transaction's vt.regio when it is stored.
    regio: text('regio').default(sql`vt_regio()`),
  },
  (t) => [
    ...regionPolicies('adviezen'),
    // Anonymous advice keeps no identifying data of anyone (domain.md, "Records").
    check(
      'adviezen_anoniem_zonder_vrager',
      sql`not ${t.anoniem} or (${t.vragerNaam} is null and ${t.vragerTelefoon} is null and ${t.vragerEmail} is null and ${t.vragerOrganisatie} is null)`,
    ),
    // Covers the half-year report and the factsheet (counted from the index alone, without reading the table).
    index('adviezen_started_idx').on(t.startedAt, t.gemeenteCode, t.kanaal, t.vragerType, t.sector, t.beroep, t.duurGeweld, t.geweldsvormen),
  ],
);

export type TriageFactor = { code: string; weight: number };

export interface Meldcode {
  /** Afwegingskader, question 1: is there a suspicion of acute or structural unsafety? */
  onveiligheid: boolean;
  /** Afwegingskader, question 2: can the professional organise sufficient help themselves? */
  zelfHulp: boolean;
  gezinWeet: (typeof c.gezinWeetOpties)[number];
  /** Why the family does not know (safety, or they could not be reached), in the professional's words: sealed. */
  waaromNiet?: string | null;
}

export const meldingen = pgTable(
  'meldingen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    // The Veilig Thuis region whose case this is (issue #19): the transaction's vt.regio when it is stored.
    regio: text('regio').default(sql`vt_regio()`),
    status: meldingStatusEnum('status').notNull().default('ontvangen'),
    kanaal: meldingKanaalEnum('kanaal').notNull(),
    receivedAt: tstz('received_at').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdByClientId: uuid('created_by_client_id').references(() => apiClients.id),
    adviesId: uuid('advies_id')
      .references(() => adviezen.id)
      .unique(),

    melderType: melderTypeEnum('melder_type').notNull(),
    melderRol: melderRolEnum('melder_rol'),
    melderSector: sectorEnum('melder_sector'),
    melderBeroep: beroepEnum('melder_beroep'),
    melderDuurGeweld: duurGeweldEnum('melder_duur_geweld'),
    // The melder's identity and the household's address are sealed at rest (issue #14); the gemeente stays plain
    // for the statistics.
    melderNaam: sealedText('melder_naam').notNull(),
    melderOrganisatie: sealedText('melder_organisatie'),
    melderTelefoon: sealedText('melder_telefoon'),
    melderEmail: sealedText('melder_email'),
    anoniemNaarHuishouden: boolean('anoniem_naar_huishouden').notNull(),

    straat: sealedText('straat').notNull(),
    huisnummer: sealedText('huisnummer').notNull(),
    postcode: sealedText('postcode').notNull(),
    plaats: sealedText('plaats').notNull(),
    gemeenteCode: varchar('gemeente_code', { length: 6 })
      .notNull()
      .references(() => gemeenten.code),
    // The radar's blind index of the address (HMAC of the normalised postcode and huisnummer under BLIND_INDEX_KEYS,
    // domain/radar.ts adresSleutel): equal for the same household, meaningless without the key. '' once anonymised.
    adresIndex: text('adres_index').notNull().default(''),

    geweldsvormen: geweldsvormEnum('geweldsvormen').array().notNull().default(sql`'{}'`),
    veiligheid: jsonb('veiligheid').$type<c.Veiligheid>().notNull().default({}),
    /**
     * The meldcode's steps as a professional answered them in the online melding (issue #20): the afwegingskader's
     * two questions and whether the family knows. Null for the other kanalen.
     */
    meldcode: jsonb('meldcode').$type<Meldcode>(),
    toelichting: sealedText('toelichting').notNull().default(''),

    teamId: uuid('team_id').references(() => teams.id),
    assignedTo: uuid('assigned_to').array().notNull().default(sql`'{}'`),

    beoordelingDueDate: date('beoordeling_due_date', { mode: 'string' }).notNull(),
    beoordelingDueAt: tstz('beoordeling_due_at').notNull(),
    responseDueAt: tstz('response_due_at'),
    beoordelingWacht: tstzrange('beoordeling_wacht').generatedAlwaysAs(sql.raw(beoordelingWachtSpan)),
    // The running clock after the beoordeling (repositories/lifecycle.ts refreshClock): the onderzoek's term, the
    // next monitoring checkpoint or V&V review, the moment the wachtlijst started. Null while the beoordeling's own
    // deadlines run; the werkvoorraad orders by `werkvoorraadDue`.
    clockDueAt: tstz('clock_due_at'),

    // Triage runs asked for (1 at intake, +1 per aanvulling) and the last run stored. A job for a run that is not
    // newer than triageRun is a no-op, so replays and duplicates change nothing.
    triageRequested: integer('triage_requested').notNull().default(1),
    // The current triage proposal; earlier proposals stay in triage_voorstellen and the history.
    triageRun: integer('triage_run').notNull().default(0),
    urgency: urgencyEnum('urgency'),
    band: bandEnum('band'),
    priority: smallint('priority'),
    route: routeEnum('route'),
    routeRule: text('route_rule'),
    factors: jsonb('factors').$type<TriageFactor[]>(),
    rulesVersion: text('rules_version'),
    eerdereMeldingen: integer('eerdere_meldingen'),
    proposedAt: tstz('proposed_at'),
    // Set when retention or a granted destruction request took the personal data and free text out.
    anonymisedAt: tstz('anonymised_at'),
    // When the first beoordeling was decided: kept by a trigger on beoordelingen (db/drizzle/0000_baseline.sql), read by the
    // dashboard (beoordeling overdue, on-time percentage, forecast) instead of a search of beoordelingen per case.
    firstBeoordelingAt: tstz('first_beoordeling_at'),

    // What the CBS delivery counts (issue #18, repositories/rapportage.ts). Earlier involvement (85361NED) and the
    // casus the melding belongs to (a vervolgmelding joins the open casus of its household; every other melding
    // starts one: set to its own id at intake), classified by the triage worker from the radar's match; null until then.
    eerdereBetrokkenheid: eerdereBetrokkenheidEnum('eerdere_betrokkenheid'),
    casusId: uuid('casus_id'),
    // The veiligheidstaxatie as the first beoordeling decided it (84852NED): acute when it routed to the crisis team.
    vbTaxatie: urgencyEnum('vb_taxatie'),
    // The outcome of the veiligheidsbeoordeling (84852NED) and when it was reached: the first step after the
    // beoordeling, or after the MDO or the crisis team (repositories/lifecycle.ts move).
    vbUitkomst: vbUitkomstEnum('vb_uitkomst'),
    vbUitkomstAt: tstz('vb_uitkomst_at'),
    // When a V&V trajectory ended (the case left status vv): an afgeronde dienst V&V for 84850NED.
    vvAfgerondAt: tstz('vv_afgerond_at'),
  },
  (t) => [
    index('meldingen_status_idx').on(t.status),
    // Covers the half-year report and the factsheet (counted from the index alone, without reading the table).
    index('meldingen_received_idx').on(t.receivedAt, t.melderType, t.melderRol, t.melderSector, t.urgency, t.geweldsvormen),
    // Covers the CBS delivery's live parts over a half-year (the veiligheidsbeoordeling's outcome at the end of the
    // half-year, and the casussen), for the region or one gemeente, from the index alone.
    index('meldingen_cbs_idx').on(t.receivedAt, t.gemeenteCode, t.vbTaxatie, t.vbUitkomst, t.vbUitkomstAt, t.firstBeoordelingAt, t.urgency, t.casusId, t.geweldsvormen),
    index('meldingen_vv_afgerond_idx').on(t.vvAfgerondAt).where(sql`${t.vvAfgerondAt} is not null`),
    index('meldingen_team_idx').on(t.teamId, t.status),
    index('meldingen_adres_index_idx').on(t.adresIndex, t.receivedAt),
    index('meldingen_gemeente_idx').on(t.gemeenteCode),
    index('meldingen_triage_pending_idx').on(t.updatedAt).where(sql`${t.triageRun} < ${t.triageRequested}`),
    // The werkvoorraad's order (band, then the running deadline, then arrival) per team, open cases only: the
    // chef's queue is read from the index in order instead of sorting every open case.
    index('meldingen_werkvoorraad_idx')
      .on(t.teamId, t.band, sql.raw(werkvoorraadDue), t.receivedAt)
      .where(sql`${t.status} <> 'afgesloten'`),
    check('meldingen_priority_range', sql`${t.priority} is null or ${t.priority} between 0 and 100`),
    // Dashboard (repositories/dashboard.ts): each waiting list is the set of rows whose waiting interval holds the
    // moment asked for, found through a GiST index on that interval instead of a scan of all history.
    // meldingen_beoordeling_wacht_gist (beoordeling_wacht) INCLUDE (received_at, team_id, gemeente_code) is made by
    // the baseline migration in SQL: drizzle cannot declare INCLUDE on a GiST index.
    // A case's team and gemeente by its id from the index alone: the dashboard's lists scoped to a team or gemeente
    // look up every item's case (thousands of monitoring checkpoints) without fetching the rows.
    index('meldingen_scope_idx').on(t.id, t.teamId, t.gemeenteCode),
    // Covers the on-time percentage (due time, team and gemeente in the index): read without touching the table.
    index('meldingen_first_beoordeling_idx').on(t.firstBeoordelingAt, t.beoordelingDueAt, t.teamId, t.gemeenteCode),
    // Acute meldingen by receipt: the dashboard's acute responses given late (repositories/dashboard.ts).
    index('meldingen_acuut_idx').on(t.receivedAt).where(sql`${t.responseDueAt} is not null`),
    index('meldingen_niet_beoordeeld_idx').on(t.receivedAt).where(sql`${t.firstBeoordelingAt} is null`),
    ...meldingPolicies(),
  ],
);

export const betrokkenen = pgTable(
  'betrokkenen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    volgorde: smallint('volgorde').notNull(),
    rol: betrokkeneRolEnum('rol').notNull(),
    voornaam: sealedText('voornaam').notNull(),
    achternaam: sealedText('achternaam').notNull(),
    geboortedatum: date('geboortedatum', { mode: 'string' }),
    // The radar matches a person on first name, last name and birth date, case-insensitive: the blind index of
    // those (domain/radar.ts persoonSleutel); null without a birth date.
    persoonIndex: text('persoon_index'),
  },
  (t) => [
    index('betrokkenen_melding_idx').on(t.meldingId),
    index('betrokkenen_persoon_index_idx').on(t.persoonIndex).where(sql`${t.persoonIndex} is not null`),
    ...followsItsCase('betrokkenen'),
  ],
);

/** Every triage run's proposal, so an aanvulling never erases what was proposed before. */
export const triageVoorstellen = pgTable(
  'triage_voorstellen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    run: integer('run').notNull(),
    urgency: urgencyEnum('urgency').notNull(),
    band: bandEnum('band').notNull(),
    priority: smallint('priority').notNull(),
    route: routeEnum('route').notNull(),
    routeRule: text('route_rule').notNull(),
    factors: jsonb('factors').$type<TriageFactor[]>().notNull(),
    rulesVersion: text('rules_version').notNull(),
    eerdereMeldingen: integer('eerdere_meldingen').notNull(),
    proposedAt: tstz('proposed_at').notNull().defaultNow(),
  },
  // A second run of the same job finds its run already stored: the worker is idempotent through this key.
  (t) => [uniqueIndex('triage_voorstellen_run_uq').on(t.meldingId, t.run), ...followsItsCase('triage_voorstellen')],
);

/** The human decision on a proposal; kept per decision so override rates per rule and team can be reported. */
export const beoordelingen = pgTable(
  'beoordelingen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    voorstelId: uuid('voorstel_id').references(() => triageVoorstellen.id),
    proposedRoute: routeEnum('proposed_route'),
    proposedBand: bandEnum('proposed_band'),
    proposedRouteRule: text('proposed_route_rule'),
    rulesVersion: text('rules_version'),
    route: routeEnum('route').notNull(),
    band: bandEnum('band').notNull(),
    override: boolean('override').notNull(),
    reason: sealedText('reason'),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    teamId: uuid('team_id').references(() => teams.id),
    decidedAt: tstz('decided_at').notNull().defaultNow(),
  },
  (t) => [
    index('beoordelingen_melding_idx').on(t.meldingId, t.decidedAt),
    // The half-year report's outcome of the veiligheidsbeoordeling, read from the index alone.
    index('beoordelingen_decided_idx').on(t.decidedAt, t.meldingId, t.route),
    ...followsItsCase('beoordelingen'),
  ],
);

/** The case history: what happened to a melding, in order. Reads are in the audit log, not here. */
export const meldingEvents = pgTable(
  'melding_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    at: tstz('at').notNull().defaultNow(),
    type: eventTypeEnum('type').notNull(),
    actorId: uuid('actor_id'),
    data: eventData('data').notNull().default({}),
  },
  (t) => [
    index('melding_events_melding_idx').on(t.meldingId, t.id),
    // One triage_voorgesteld event per triage run, never more (api.md, historie).
    uniqueIndex('melding_events_triage_run_uq')
      .on(t.meldingId, sql`((${t.data} ->> 'run')::int)`)
      .where(sql`${t.type} = 'triage_voorgesteld'`),
    ...followsItsCase('melding_events'),
  ],
);

/** Transactional outbox: written in the same transaction as the change it announces; the relay moves it to
 *  BullMQ. Payloads carry ids only. */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    aggregateId: uuid('aggregate_id').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: tstz('created_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    dispatchedAt: tstz('dispatched_at'),
  },
  (t) => [index('outbox_pending_idx').on(t.id).where(sql`${t.dispatchedAt} is null`)],
);

/**
 * Chain messages (api.md, "Meldingen from outside"): each message a partner system sent in a batch, by its own
 * `berichtId`, with what became of it. A message that created a melding answers every replay with that melding
 * (`dubbel`); a rejected one may be sent again, corrected, under the same id.
 */
export const ketenberichten = pgTable(
  'ketenberichten',
  {
    clientId: uuid('client_id')
      .notNull()
      .references(() => apiClients.id),
    berichtId: text('bericht_id').notNull(),
    status: ketenberichtStatusEnum('status').notNull(),
    meldingId: uuid('melding_id').references(() => meldingen.id, { onDelete: 'set null' }),
    reference: text('reference'),
    /** A hash of the message as first accepted: a replay with other content is told so. */
    requestHash: text('request_hash').notNull(),
    /** Why it was rejected: the contract's error details (paths and messages, never the values sent). */
    details: jsonb('details').$type<{ path: string; message: string }[]>(),
    receivedAt: tstz('received_at').notNull().defaultNow(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    regio: text('regio').default(sql`vt_regio()`),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.berichtId] }), index('ketenberichten_melding_idx').on(t.meldingId), ...regionPolicies('ketenberichten')],
);

/**
 * The melder of an online melding confirms its e-mail address by a mailed link (issue #20): only the token's hash is
 * kept; until it is confirmed the beoordelaar sees "melder niet bevestigd". The melding's clock runs from submission
 * either way.
 */
export const melderBevestigingen = pgTable(
  'melder_bevestigingen',
  {
    meldingId: uuid('melding_id')
      .primaryKey()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: tstz('expires_at').notNull(),
    bevestigdAt: tstz('bevestigd_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  () => [...partOfCase('melder_bevestigingen')],
);

/**
 * The melder's status link (issue #20): a token shown once (on the online form's receipt, or to the case worker who
 * makes one for a melder of another kanaal), only its hash kept, usable until it expires or is revoked; at most one
 * link per melding works at a time (a new one replaces the old). It opens the phase and the terugkoppeling messages.
 */
export const melderStatuslinks = pgTable(
  'melder_statuslinks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: tstz('expires_at').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    /** The case worker who made it; null when the online form did. */
    createdBy: uuid('created_by').references(() => users.id),
    revokedAt: tstz('revoked_at'),
    revokedBy: uuid('revoked_by').references(() => users.id),
    lastSeenAt: tstz('last_seen_at'),
  },
  (t) => [uniqueIndex('melder_statuslinks_actief_uq').on(t.meldingId).where(sql`${t.revokedAt} is null`), ...partOfCase('melder_statuslinks')],
);

export type Melding = typeof meldingen.$inferSelect;
export type Advies = typeof adviezen.$inferSelect;
export type Betrokkene = typeof betrokkenen.$inferSelect;
