// The data model. camelCase in TypeScript, snake_case in Postgres; statuses and codes are Postgres enums built
// from the code lists in ./domain/codes.ts so the API, the database and the web app share one vocabulary.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import * as c from './domain/codes.ts';
import { eventData, sealedText } from './security/field-cipher.ts';

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** A Postgres tstzrange, as its text (only the database reads it: the dashboard's waiting intervals). */
const tstzrange = customType<{ data: string; driverData: string }>({ dataType: () => 'tstzrange' });

// The waiting lists of the manager dashboard (domain.md, "Waiting lists") as intervals: an item is on a list at
// moment T exactly when its interval holds T. Written once here for both the GiST indexes below and the dashboard's
// queries (repositories/dashboard.ts), which must use the very same expression for the index to serve them. `a` is
// a table alias with its dot. An interval whose end lies before its start is empty; one without an end is open.
/** SQL text: the moment an Amsterdam calendar date begins (`date` a column or a parenthesised expression). */
export const amsterdamMidnight = (date: string) => `(${date}::timestamp at time zone 'Europe/Amsterdam')`;
/** SQL text: an instant as the API writes it, ISO-8601 UTC with milliseconds ('2026-12-01T15:45:00.000Z'). */
export const isoInstant = (instant: string) => `to_char(${instant} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** The deadline a werkvoorraad item runs against: the lifecycle clock, else the acute response, else the beoordeling. */
export const werkvoorraadDue = 'coalesce(clock_due_at, response_due_at, beoordeling_due_at)';
const span = (from: string, until: string, bounds: '[)' | '()') =>
  `tstzrange(${from}, case when ${until} is null then null else greatest(${from}, ${until}) end, '${bounds}')`;
/**
 * Past beoordelingDueAt (strictly) and no beoordeling yet (strictly before T counts as done). Stored on the melding
 * as a generated column, meldingen.beoordeling_wacht, whose GiST index carries receipt, team and gemeente: the
 * counts (and a five-year trend of them) are answered from the index alone (migration 0020).
 */
export const beoordelingWachtSpan = span('beoordeling_due_at', 'first_beoordeling_at', '()');
export const waitInterval = {
  /** The melding's stored beoordeling_wacht (beoordelingWachtSpan). */
  beoordelingOverdue: (a = '') => `${a}beoordeling_wacht`,
  /** From the besluit until the day the onderzoek starts (or it is closed without one). */
  wachtlijstOnderzoek: (a = '') => span(`${a}besluit_at`, `least(${amsterdamMidnight(`${a}started_at`)}, ${a}afgerond_at)`, '[)'),
  /** From the day after the due date until it is finished (only onderzoeken that started: due_date set). */
  onderzoekOverdue: (a = '') => span(amsterdamMidnight(`(${a}due_date + 1)`), `${a}afgerond_at`, '[)'),
  /** From sending until the wijkteam accepts or sends it back. */
  overdrachtPending: (a = '') => span(`${a}created_at`, `${a}decided_at`, '[)'),
  /** From the day after the checkpoint's date until it is recorded. */
  monitoringDue: (a = '') => span(amsterdamMidnight(`(${a}due_date + 1)`), `${a}recorded_at`, '[)'),
};

export const adviesKanaalEnum = pgEnum('advies_kanaal', c.adviesKanalen);
export const meldingKanaalEnum = pgEnum('melding_kanaal', c.meldingKanalen);
export const vragerTypeEnum = pgEnum('vrager_type', c.vragerTypes);
export const sectorEnum = pgEnum('sector', c.sectoren);
export const melderTypeEnum = pgEnum('melder_type', c.melderTypes);
export const melderRolEnum = pgEnum('melder_rol', c.melderRollen);
export const adviesUitkomstEnum = pgEnum('advies_uitkomst', c.adviesUitkomsten);
export const betrokkeneRolEnum = pgEnum('betrokkene_rol', c.betrokkeneRollen);
export const geweldsvormEnum = pgEnum('geweldsvorm', c.geweldsvormen);
export const meldingStatusEnum = pgEnum('melding_status', c.meldingStatussen);
export const urgencyEnum = pgEnum('urgency', c.urgencies);
export const bandEnum = pgEnum('band', c.bands);
export const routeEnum = pgEnum('route', c.routes);
export const teamKindEnum = pgEnum('team_kind', c.teamKinds);
export const roleEnum = pgEnum('role', c.roles);
export const eventTypeEnum = pgEnum('event_type', c.eventTypes);
export const auditActionEnum = pgEnum('audit_action', c.auditActions);
export const auditResultEnum = pgEnum('audit_result', c.auditResults);
export const overdrachtStatusEnum = pgEnum('overdracht_status', c.overdrachtStatussen);
export const monitoringStatusEnum = pgEnum('monitoring_status', c.monitoringStatussen);

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

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(),
  naam: text('naam').notNull(),
  // Null until the user sets a password with the one-time activation link (the beheerder never knows it).
  passwordHash: text('password_hash'),
  roles: roleEnum('roles').array().notNull(),
  teamId: uuid('team_id').references(() => teams.id),
  // The teams a user also works in besides its own (api.md: a medewerker works on "meldingen of its teams").
  otherTeamIds: uuid('other_team_ids').array().notNull().default(sql`'{}'`),
  gemeenteCode: varchar('gemeente_code', { length: 6 }).references(() => gemeenten.code),
  disabledAt: tstz('disabled_at'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  // Two-factor sign-in (TOTP, RFC 6238). The secret is sealed with DATA_ENCRYPTION_KEYS (db/src/security/cipher.ts);
  // it counts only once enabled, i.e. after the user proved a first code. The last accepted time step stops a code
  // from being used twice.
  totpSecret: text('totp_secret'),
  totpEnabledAt: tstz('totp_enabled_at'),
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
});

/**
 * One-time activation links (issue #14, four eyes): a new account sets its own password with a token mailed to
 * it; only the token's hash is kept, it expires, and it works once. A new link replaces the old one.
 */
export const accountActivaties = pgTable(
  'account_activaties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: tstz('expires_at').notNull(),
    usedAt: tstz('used_at'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('account_activaties_user_idx').on(t.userId)],
);

export const rolAanvraagStatusEnum = pgEnum('rol_aanvraag_status', c.rolAanvraagStatussen);

/**
 * Four eyes on access (issue #14): a role that reads case files or the audit trail, or manages users, is granted
 * only when a second person (another beheerder or the privacy officer, never the requester or the account itself)
 * approves it. Until then the account has the roles without it.
 */
export const rolAanvragen = pgTable(
  'rol_aanvragen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    roles: roleEnum('roles').array().notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: tstz('requested_at').notNull().defaultNow(),
    status: rolAanvraagStatusEnum('status').notNull().default('aangevraagd'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    reden: sealedText('reden'),
  },
  (t) => [
    index('rol_aanvragen_status_idx').on(t.status, t.requestedAt),
    // One open request per account: a new one replaces what it asks.
    uniqueIndex('rol_aanvragen_open_uq').on(t.userId).where(sql`${t.status} = 'aangevraagd'`),
  ],
);

/** Machine clients (the police chain, other partners) authenticate with an API key; only its hash is stored. */
export const apiClients = pgTable('api_clients', {
  id: uuid('id').primaryKey().defaultRandom(),
  naam: text('naam').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  scopes: text('scopes').array().notNull(),
  revokedAt: tstz('revoked_at'),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

/** Server-side sessions: the cookie holds a random token, the table only its hash. */
export const sessions = pgTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    lastSeenAt: tstz('last_seen_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
    // Password accepted, second factor still to come: such a session may only verify or enrol its TOTP.
    mfaPending: boolean('mfa_pending').notNull().default(false),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
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
  },
  (t) => [
    // Anonymous advice keeps no identifying data of anyone (domain.md, "Records").
    check(
      'adviezen_anoniem_zonder_vrager',
      sql`not ${t.anoniem} or (${t.vragerNaam} is null and ${t.vragerTelefoon} is null and ${t.vragerEmail} is null and ${t.vragerOrganisatie} is null)`,
    ),
    // Covers the half-year report and the factsheet (counted from the index alone, without reading the table).
    index('adviezen_started_idx').on(t.startedAt, t.kanaal, t.vragerType, t.sector, t.geweldsvormen),
  ],
);

export type TriageFactor = { code: string; weight: number };

export const meldingen = pgTable(
  'meldingen',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
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
    // When the first beoordeling was decided: kept by a trigger on beoordelingen (db/drizzle/0016), read by the
    // dashboard (beoordeling overdue, on-time percentage, forecast) instead of a search of beoordelingen per case.
    firstBeoordelingAt: tstz('first_beoordeling_at'),
  },
  (t) => [
    index('meldingen_status_idx').on(t.status),
    // Covers the half-year report and the factsheet (counted from the index alone, without reading the table).
    index('meldingen_received_idx').on(t.receivedAt, t.melderType, t.melderRol, t.melderSector, t.urgency, t.geweldsvormen),
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
    // migration 0020 in SQL: drizzle cannot declare INCLUDE on a GiST index.
    // A case's team and gemeente by its id from the index alone: the dashboard's lists scoped to a team or gemeente
    // look up every item's case (thousands of monitoring checkpoints) without fetching the rows.
    index('meldingen_scope_idx').on(t.id, t.teamId, t.gemeenteCode),
    // Covers the on-time percentage (due time, team and gemeente in the index): read without touching the table.
    index('meldingen_first_beoordeling_idx').on(t.firstBeoordelingAt, t.beoordelingDueAt, t.teamId, t.gemeenteCode),
    index('meldingen_niet_beoordeeld_idx').on(t.receivedAt).where(sql`${t.firstBeoordelingAt} is null`),
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
  (t) => [uniqueIndex('triage_voorstellen_run_uq').on(t.meldingId, t.run)],
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
  ],
);

/** NEN 7513-style access log: who, on whose behalf, in what role, did what to which record, when, from where,
 *  for what purpose, with what result. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorType: text('actor_type').notNull(),
    onBehalfOf: text('on_behalf_of'),
    role: text('role'),
    action: auditActionEnum('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    purpose: text('purpose'),
    result: auditResultEnum('result').notNull(),
    ip: text('ip'),
    // The break-glass grant an access outside the actor's own queue used (issue #14): reads and writes alike.
    breakGlassId: uuid('break_glass_id'),
  },
  (t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId, t.at), index('audit_actor_idx').on(t.actorId, t.at)],
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

/** Idempotency keys per caller: the same key and body give the first answer again. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: smallint('status_code').notNull(),
    response: jsonb('response').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_created_idx').on(t.createdAt)],
);

/** A handover to a gemeente's wijkteam (domain.md step 3, overdracht): sent, then accepted or sent back. */
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
  (t) => [index('vv_voorwaarden_melding_idx').on(t.meldingId), index('vv_voorwaarden_controle_idx').on(t.status, t.controleOp)],
);

/**
 * Day counts behind the half-year report and the yearly factsheet (repositories/rapportage.ts): per Amsterdam
 * calendar day a row per category and code, for the days before today. A day is computed again when its data
 * changed: triggers (migration 0021) raise the day's version in rapportage_wijzigingen, and the day's stand says
 * from which version it was computed.
 */
export const rapportageDagen = pgTable(
  'rapportage_dagen',
  {
    dag: date('dag', { mode: 'string' }).notNull(),
    categorie: text('categorie').notNull(),
    code: text('code').notNull(),
    aantal: integer('aantal').notNull(),
  },
  (t) => [primaryKey({ columns: [t.dag, t.categorie, t.code] })],
);
export const rapportageDagStand = pgTable('rapportage_dag_stand', {
  dag: date('dag', { mode: 'string' }).primaryKey(),
  versie: bigint('versie', { mode: 'number' }).notNull(),
  berekendOp: tstz('berekend_op').notNull().defaultNow(),
});
export const rapportageWijzigingen = pgTable('rapportage_wijzigingen', {
  dag: date('dag', { mode: 'string' }).primaryKey(),
  versie: bigint('versie', { mode: 'number' }).notNull().default(1),
});

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
  (t) => [index('huisverboden_melding_idx').on(t.meldingId)],
);

/** Days the government declared equal to the public holidays of the Algemene termijnenwet art. 3 lid 3
 *  (e.g. the Friday after Hemelvaartsdag). Extended by an administrator. */
export const extraNietWerkdagen = pgTable('extra_niet_werkdagen', {
  datum: date('datum', { mode: 'string' }).primaryKey(),
  omschrijving: text('omschrijving').notNull(),
  createdAt: tstz('created_at').notNull().defaultNow(),
});

export type Melding = typeof meldingen.$inferSelect;
export type Advies = typeof adviezen.$inferSelect;
export type Betrokkene = typeof betrokkenen.$inferSelect;
export type User = typeof users.$inferSelect;
export type Team = typeof teams.$inferSelect;

/**
 * Break-glass access (issue #4): a case outside one's own queue is opened only with a reason; the grant lasts an
 * hour, every read under it is flagged in the audit trail, and the grants are listed for the manager and the
 * privacy officer.
 */
export const breakGlassGrants = pgTable(
  'break_glass_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id, { onDelete: 'cascade' }),
    reden: sealedText('reden').notNull(),
    createdAt: tstz('created_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [index('break_glass_user_melding_idx').on(t.userId, t.meldingId, t.expiresAt), index('break_glass_created_idx').on(t.createdAt)],
);

export const vernietigingStatusEnum = pgEnum('vernietiging_status', c.vernietigingStatussen);

/**
 * A request to destroy a case file before its retention period ends (domain.md, Records: a court ordered it where
 * no substantial interest was shown). Requested by staff on behalf of a betrokkene, decided by the privacy officer
 * with a reason, carried out at once when granted; every step audited.
 */
export const vernietigingsverzoeken = pgTable(
  'vernietigingsverzoeken',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meldingId: uuid('melding_id')
      .notNull()
      .references(() => meldingen.id),
    reden: sealedText('reden').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: tstz('requested_at').notNull().defaultNow(),
    status: vernietigingStatusEnum('status').notNull().default('aangevraagd'),
    besluitReden: sealedText('besluit_reden'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: tstz('decided_at'),
    executedAt: tstz('executed_at'),
  },
  (t) => [
    index('vernietigingsverzoeken_status_idx').on(t.status, t.requestedAt),
    // One open request per case at a time.
    uniqueIndex('vernietigingsverzoeken_open_uq').on(t.meldingId).where(sql`${t.status} = 'aangevraagd'`),
  ],
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
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [index('mdo_overleggen_datum_idx').on(t.datum)],
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
  (t) => [uniqueIndex('mdo_agendapunten_uq').on(t.mdoId, t.meldingId), index('mdo_agendapunten_melding_idx').on(t.meldingId)],
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
  ],
);

/** The waiting-list metrics of the manager dashboard (domain.md, "Waiting lists"; api.md, Dashboard). */
export const dashboardMetrics = [
  'beoordeling_overdue',
  'wachtlijst_onderzoek',
  'onderzoek_overdue',
  'overdracht_pending',
  'monitoring_due',
  'beoordeling_on_time_pct',
  'onderzoek_on_time_pct',
] as const;
export const dashboardMetricEnum = pgEnum('dashboard_metric', dashboardMetrics);

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
  (t) => [index('code_rood_melding_idx').on(t.meldingId)],
);

export const terugkoppelMomentEnum = pgEnum('terugkoppel_moment', c.terugkoppelMomenten);

/** The melder hears the outcome after the beoordeling and again after the onderzoek (domain.md step 5): each is a
 *  task with a due date, recorded when done. */
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
    notitie: sealedText('notitie'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('terugkoppelingen_uq').on(t.meldingId, t.moment), index('terugkoppelingen_open_idx').on(t.dueDate).where(sql`${t.doneAt} is null`)],
);
