// Who may act, and what they did: accounts, activations, role requests (four eyes), API clients, sessions, the
// audit log, idempotency keys, break-glass grants and destruction requests.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, index, jsonb, pgEnum, pgTable, primaryKey, smallint, text, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import * as c from '../domain/codes.ts';
import { sealedText } from '../security/field-cipher.ts';
import { auditActionEnum, auditResultEnum, meldingKanaalEnum, roleEnum, tstz } from './common.ts';
import { meldingen } from './intake.ts';
import { auditPolicies, partOfCase, userPolicies } from './row-security.ts';
import { gemeenten, teams } from './reference.ts';

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
  // The Veilig Thuis region the account works for (issue #19): every request of its sessions runs in it.
  regio: text('regio').default(sql`vt_regio()`),
}, () => userPolicies());

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
  // The current key's hash (the release before issue #20 read the key here; the keys are in api_client_keys).
  keyHash: text('key_hash').notNull().unique(),
  scopes: text('scopes').array().notNull(),
  /** The kanalen its meldingen may name (null: any, as before issue #20). */
  kanalen: meldingKanaalEnum('kanalen').array(),
  revokedAt: tstz('revoked_at'),
  revokedBy: uuid('revoked_by'),
  createdAt: tstz('created_at').notNull().defaultNow(),
  createdBy: uuid('created_by'),
  /** The last request with any of its keys (to the minute). */
  lastUsedAt: tstz('last_used_at'),
  // The region a partner reports to (issue #19): its meldingen are stored in it.
  regio: text('regio').default(sql`vt_regio()`),
});

/**
 * A partner's API keys (issue #20): only the hash is kept, with a short prefix to recognise it by. A rotation makes a
 * new key and gives the ones before it an end (`expiresAt`), so the partner can switch over without a gap; a
 * revocation ends a key (or, with the client, all of them) at once.
 */
export const apiClientKeys = pgTable(
  'api_client_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => apiClients.id),
    keyHash: text('key_hash').notNull().unique(),
    /** The key's first characters (`vtk_ab12cd34`), shown to the beheerder and the partner to tell keys apart. */
    prefix: text('prefix'),
    createdAt: tstz('created_at').notNull().defaultNow(),
    createdBy: uuid('created_by'),
    expiresAt: tstz('expires_at'),
    revokedAt: tstz('revoked_at'),
    lastUsedAt: tstz('last_used_at'),
  },
  (t) => [index('api_client_keys_client_idx').on(t.clientId, t.createdAt)],
);

/** Server-side sessions: the cookie holds a random token, the table only its hash. */
/**
 * Drafts of what staff are typing (issue #16, "nothing typed is lost"): the advies or melding form being filled in,
 * kept on the server so it survives a session expiry, a reload or a crash, and never in the browser. A draft belongs
 * to the account that wrote it (never restored for another), is sealed like other free text, removed at sign-out and
 * when the form is sent, and expires on its own (repositories/concepten.ts).
 */
export const concepten = pgTable(
  'concepten',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    sleutel: text('sleutel').notNull(),
    inhoud: sealedText('inhoud').notNull(),
    updatedAt: tstz('updated_at').notNull().defaultNow(),
    expiresAt: tstz('expires_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.sleutel] }), index('concepten_expires_idx').on(t.expiresAt)],
);

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
    // The region the access happened in (issue #19); null before the caller's region is known (sign-in).
    regio: text('regio').default(sql`vt_regio()`),
  },
  (t) => [index('audit_subject_idx').on(t.subjectType, t.subjectId, t.at), index('audit_actor_idx').on(t.actorId, t.at), ...auditPolicies()],
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

export type User = typeof users.$inferSelect;
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
  (t) => [index('break_glass_user_melding_idx').on(t.userId, t.meldingId, t.expiresAt), index('break_glass_created_idx').on(t.createdAt), ...partOfCase('break_glass_grants')],
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
    ...partOfCase('vernietigingsverzoeken'),
  ],
);
