// Row-level security as a second line behind the application's own checks (issue #4), declared on each table with
// pgPolicy: a wijkteam's reads run as the role vt_wijkteam (SET LOCAL ROLE in its transaction, with vt.gemeente set
// to its gemeente), and Postgres itself then shows only the cases handed over to that gemeente, whatever the query.
// Every other session is not affected: each such table has an `_app` policy that lets every role but vt_wijkteam
// through. The role, its grants and vt_wijkteam_gemeente() come from the baseline migration (db/drizzle/0000_baseline.sql); a wijkteam read path that needs
// a table not granted there fails loudly (permission denied), never silently.
import { sql } from 'drizzle-orm';
import { pgPolicy, pgRole } from 'drizzle-orm/pg-core';

export const wijkteamRole = pgRole('vt_wijkteam').existing();

const notWijkteam = sql`(CURRENT_USER <> 'vt_wijkteam'::name)`;

/** Everyone but the wijkteam role reads and writes the table as if there were no row-level security. */
const appPolicy = (table: string) => pgPolicy(`${table}_app`, { as: 'permissive', for: 'all', to: 'public', using: notWijkteam, withCheck: notWijkteam });

const wijkteamReads = (table: string, using: string) => pgPolicy(`${table}_wijkteam`, { as: 'permissive', for: 'select', to: wijkteamRole, using: sql.raw(`(${using})`) });

/** A handover is the wijkteam's when it went to its gemeente's wijkteam (not to the hulpverlening already involved). */
export const overdrachtPolicies = () => [appPolicy('overdrachten'), wijkteamReads('overdrachten', 'gemeente_code = vt_wijkteam_gemeente() AND hulpverlening IS NULL')];

/** A case is the wijkteam's when one of its handovers went to the wijkteam's gemeente. */
export const meldingPolicies = () => [
  appPolicy('meldingen'),
  wijkteamReads('meldingen', 'EXISTS (SELECT 1 FROM overdrachten o WHERE o.melding_id = meldingen.id AND o.gemeente_code = vt_wijkteam_gemeente() AND o.hulpverlening IS NULL)'),
];

/** A table that holds part of a case (`melding_id`) follows the case: the wijkteam reads a row when it may read the case. */
export const followsItsCase = (table: string) => [appPolicy(table), wijkteamReads(table, `EXISTS (SELECT 1 FROM meldingen m WHERE m.id = ${table}.melding_id)`)];
