// Row-level security as a second line behind the application's own checks (issue #4), declared on each table with
// pgPolicy: a wijkteam's reads run as the role vt_wijkteam (SET LOCAL ROLE in its transaction, with vt.gemeente set
// to its gemeente), and Postgres itself then shows only the cases handed over to that gemeente, whatever the query.
// Every other session is not affected: each such table has an `_app` policy that lets every role but vt_wijkteam
// through. The role, its grants and vt_wijkteam_gemeente() come from the baseline migration (db/drizzle/0000_baseline.sql); a wijkteam read path that needs
// a table not granted there fails loudly (permission denied), never silently.
//
// Regions (issue #19, db/docs/multi-region.md): with several Veilig Thuis regions on one deployment the API runs
// every query as the role vt_app with vt.regio set to the caller's region (db/src/regions.ts), and restrictive
// policies (ANDed with the permissive ones above) hold vt_app to its region: a case (advies, melding) carries its
// `regio`, everything that hangs off a melding follows the melding, and a transaction without a region sees no case
// at all. Roles other than vt_app and vt_wijkteam (one region's deployment, the workers, migrations) are not held.
import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole } from 'drizzle-orm/pg-core';

export const wijkteamRole = pgRole('vt_wijkteam').existing();
/** The application's role in a deployment of several regions (made by migration 0010 with its grants). */
export const appRole = pgRole('vt_app').existing();

const notWijkteam = sql`(CURRENT_USER <> 'vt_wijkteam'::name)`;

/** Everyone but the wijkteam role reads and writes the table as if there were no row-level security. */
const appPolicy = (table: string) => pgPolicy(`${table}_app`, { as: 'permissive', for: 'all', to: 'public', using: notWijkteam, withCheck: notWijkteam });

const wijkteamReads = (table: string, using: string) => pgPolicy(`${table}_wijkteam`, { as: 'permissive', for: 'select', to: wijkteamRole, using: sql.raw(`(${using})`) });

/** Everyone reads and writes the table as before; only the restrictive regional policy holds vt_app. */
const openPolicy = (table: string) => pgPolicy(`${table}_open`, { as: 'permissive', for: 'all', to: 'public', using: sql`true`, withCheck: sql`true` });

/** The row is the transaction's region's: strict for vt_app (no region, no row). */
const regioPolicy = (table: string, using = `${table}.regio = vt_regio()`, withCheck = using) =>
  pgPolicy(`${table}_regio`, { as: 'restrictive', for: 'all', to: appRole, using: sql.raw(`(${using})`), withCheck: sql.raw(`(${withCheck})`) });

/**
 * A table that holds part of a melding follows the melding's region: it reads a row when the melding's own policy
 * shows the melding, and writes one for a melding of its region. The write check asks vt_melding_in_regio()
 * (migration 0010), which sees past the policy: intake inserts the melding and its betrokkenen, events and audit in
 * one statement, whose EXISTS could not yet see the new melding.
 */
const regioOfCase = (table: string) => regioPolicy(table, `EXISTS (SELECT 1 FROM meldingen m WHERE m.id = ${table}.melding_id)`, `vt_melding_in_regio(${table}.melding_id)`);

/** A case root (advies) or a region's own record (an MDO meeting): open as before, and the region's for vt_app. */
export const regionPolicies = (table: string) => [openPolicy(table), regioPolicy(table)];

/** Part of a melding that had no row-level security yet: open as before, and its melding's region for vt_app. */
export const partOfCase = (table: string) => [openPolicy(table), regioOfCase(table)];

/**
 * Accounts: the API looks a session's user up before it knows the region (vt.regio unset, every account); inside a
 * region vt_app sees that region's accounts only.
 */
export const userPolicies = () => [openPolicy('users'), regioPolicy('users', 'vt_regio() IS NULL OR users.regio = vt_regio()')];

/**
 * The audit trail: vt_app reads its region's rows only, and writes rows of its region (or, before the region is
 * known, as at sign-in, rows without one).
 */
export const auditPolicies = () => [
  openPolicy('audit_log'),
  pgPolicy('audit_log_regio_lezen', { as: 'restrictive', for: 'select', to: appRole, using: sql`(audit_log.regio = vt_regio())` }),
  pgPolicy('audit_log_regio_schrijven', { as: 'restrictive', for: 'insert', to: appRole, withCheck: sql`(audit_log.regio IS NOT DISTINCT FROM vt_regio())` }),
];

/** A handover is the wijkteam's when it went to its gemeente's wijkteam (not to the hulpverlening already involved). */
export const overdrachtPolicies = () => [
  appPolicy('overdrachten'),
  wijkteamReads('overdrachten', 'gemeente_code = vt_wijkteam_gemeente() AND hulpverlening IS NULL'),
  regioOfCase('overdrachten'),
];

/** A case is the wijkteam's when one of its handovers went to the wijkteam's gemeente. */
export const meldingPolicies = () => [
  appPolicy('meldingen'),
  wijkteamReads('meldingen', 'EXISTS (SELECT 1 FROM overdrachten o WHERE o.melding_id = meldingen.id AND o.gemeente_code = vt_wijkteam_gemeente() AND o.hulpverlening IS NULL)'),
  regioPolicy('meldingen'),
  // A wijkteam's read inside a region sees that region's cases; on a deployment of one region both are null.
  pgPolicy('meldingen_regio_wijkteam', { as: 'restrictive', for: 'select', to: wijkteamRole, using: sql`(meldingen.regio IS NOT DISTINCT FROM vt_regio())` }),
];

/** A table that holds part of a case (`melding_id`) follows the case: the wijkteam reads a row when it may read the case. */
export const followsItsCase = (table: string) => [
  appPolicy(table),
  wijkteamReads(table, `EXISTS (SELECT 1 FROM meldingen m WHERE m.id = ${table}.melding_id)`),
  regioOfCase(table),
];
