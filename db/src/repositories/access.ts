// The record rule (issue #14): which case a signed-in actor may see, and which of those lie in its own queue. It is
// written once, as SQL over a meldingen row, so that the single-case check of every route (server plugin
// case-access) and every list that returns part of a case (werkvoorraad, overdrachten, MDO queue, reminders, live
// events) filter with the very same conditions. The roles' rights (which action a role may take at all) are the
// permission matrix in server/src/authz.ts; this file decides *which records*.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { caseRoles, unassessedStatussen, type Role } from '../domain/codes.ts';
import type { Actor } from './audit.ts';

type UserActor = Extract<Actor, { type: 'user' }>;

const hasCaseRole = (a: UserActor) => a.roles.some((r) => (caseRoles as readonly string[]).includes(r));
const has = (a: UserActor, role: Role) => a.roles.includes(role);
/** The unassessed statuses as an SQL literal list; constants of codes.ts, never input. */
const unassessed = sql.raw(unassessedStatussen.map((s) => `'${s}'`).join(', '));

/** A wijkteam user and nothing more: bound to one gemeente's handovers, never the melder's identity. */
export function isWijkteamOnly(actor: Actor): actor is UserActor {
  return actor.type === 'user' && has(actor, 'wijkteam') && !hasCaseRole(actor);
}

/**
 * Whether the actor may see the case at all; a case it may not see answers 404 (api.md: never reveal existence).
 * Case roles see every case (their own queue decides the rest); the adviseur sees the meldingen it filed; a wijkteam
 * the cases handed over to its gemeente's wijkteam, now or before (never a handover to the hulpverlening). `m` is the meldingen row's alias.
 */
export function caseVisible(actor: Actor, m: SQL = sql`meldingen`): SQL {
  if (actor.type !== 'user') return sql`false`;
  if (hasCaseRole(actor)) return sql`true`;
  const parts: SQL[] = [];
  if (has(actor, 'adviseur')) parts.push(sql`${m}.created_by_user_id = ${actor.id}::uuid`);
  if (has(actor, 'wijkteam') && actor.gemeente) {
    parts.push(sql`exists (select 1 from overdrachten vo where vo.melding_id = ${m}.id and vo.gemeente_code = ${actor.gemeente} and vo.hulpverlening is null)`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

/**
 * Whether a visible case lies in the actor's own queue, so that it needs no break-glass: the case sits with the
 * actor's team, is assigned to the actor, still waits for its beoordeling (for a beoordelaar), or was decided by
 * the actor. The chef van de dag runs the whole day and needs none; adviseur and wijkteam have only the record rule
 * of caseVisible.
 */
export function ownQueue(actor: Actor, m: SQL = sql`meldingen`): SQL {
  if (actor.type !== 'user') return sql`false`;
  if (has(actor, 'chef_van_de_dag') || !hasCaseRole(actor)) return sql`true`;
  const parts: SQL[] = [sql`${actor.id}::uuid = any(${m}.assigned_to)`];
  const teams = [actor.teamId, ...(actor.otherTeamIds ?? [])].filter((t): t is string => !!t);
  if (teams.length) parts.push(sql`${m}.team_id = any(${`{${teams.join(',')}}`}::uuid[])`);
  if (has(actor, 'beoordelaar')) parts.push(sql`(${m}.team_id is null or ${m}.status in (${unassessed}))`);
  parts.push(sql`exists (select 1 from beoordelingen vb where vb.melding_id = ${m}.id and vb.decided_by = ${actor.id}::uuid)`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The actor's running break-glass grant on the case (an hour from its reason), as a subquery giving its id. */
export function activeGrant(actor: Actor, m: SQL = sql`meldingen`): SQL {
  if (actor.type !== 'user') return sql`null::uuid`;
  return sql`(select g.id from break_glass_grants g where g.user_id = ${actor.id}::uuid and g.melding_id = ${m}.id and g.expires_at > now() order by g.expires_at desc limit 1)`;
}

/** Visible, and in the own queue or opened with a running grant: what every list that shows part of a case keeps. */
export function caseReadable(actor: Actor, m: SQL = sql`meldingen`): SQL {
  if (actor.type !== 'user') return sql`false`;
  // Without a queue of their own (chef van de dag; adviseur and wijkteam) visibility is the whole rule; the grants
  // table is then not even named, so a wijkteam's query under row-level security never touches it.
  if (has(actor, 'chef_van_de_dag') || !hasCaseRole(actor)) return caseVisible(actor, m);
  return sql`(${ownQueue(actor, m)} or ${activeGrant(actor, m)} is not null)`;
}

export interface CaseAccess {
  meldingId: string;
  visible: boolean;
  own: boolean;
  /** The break-glass grant in force, when the case lies outside the own queue. */
  grantId: string | null;
}

/** The record rule for one case, in one statement; undefined when the case does not exist. */
export async function caseAccess(db: DbOrTx, actor: Actor, meldingId: string): Promise<CaseAccess | undefined> {
  const m = sql`m`;
  const rows = await db.execute<{ id: string; visible: boolean; own: boolean; grant_id: string | null }>(sql`
    select m.id, ${caseVisible(actor, m)} as visible, ${ownQueue(actor, m)} as own, ${activeGrant(actor, m)} as grant_id
      from meldingen m where m.id = ${meldingId}::uuid`);
  const r = rows[0];
  if (!r) return undefined;
  return { meldingId: r.id, visible: r.visible, own: r.own, grantId: r.own ? null : r.grant_id };
}

/** Whether the actor may open this case now (a live event about it reaches only those who may). */
export async function mayRead(db: DbOrTx, actor: Actor, meldingId: string): Promise<boolean> {
  const rows = await db.execute<{ ok: boolean }>(sql`select ${caseReadable(actor)} as ok from meldingen where id = ${meldingId}::uuid`);
  return rows[0]?.ok === true;
}

/** The tables whose rows belong to one case: a route on such a row obeys the case's record rule. */
const caseChildTables = {
  overdracht: 'overdrachten',
  thv: 'huisverboden',
  voorwaarde: 'vv_voorwaarden',
  checkpoint: 'monitoring_checkpoints',
  codeRood: 'code_rood',
  terugkoppeling: 'terugkoppelingen',
} as const;
export type CaseChild = keyof typeof caseChildTables;
export const caseChildren = Object.keys(caseChildTables) as CaseChild[];

/** The case a row of a case's child table belongs to. */
export async function meldingOf(db: DbOrTx, child: CaseChild, id: string): Promise<string | undefined> {
  const rows = await db.execute<{ melding_id: string }>(sql`select melding_id from ${sql.identifier(caseChildTables[child])} where id = ${id}::uuid`);
  return rows[0]?.melding_id;
}

/**
 * The case's version, for the ETag of `GET /api/meldingen/:id` and the `If-Match` of every step on it (issue #16:
 * two people never silently overwrite each other). Every change to a case writes a history event and touches the
 * melding, so the latest event and the melding's last update together say whether anything changed since a read.
 */
export async function caseVersion(db: DbOrTx, meldingId: string): Promise<string | null> {
  const [row] = await db.execute<{ v: string }>(sql`select ${caseVersionOf('m')} as v from meldingen m where m.id = ${meldingId}::uuid`);
  return row?.v ?? null;
}

/** SQL: the version of the melding row `m` as an ETag (quoted), in the same snapshot as whatever else is read with it. */
export const caseVersionOf = (m: string) =>
  sql.raw(`'"' || (extract(epoch from ${m}.updated_at) * 1000000)::bigint::text || '.' ||
           coalesce((select max(e.id) from melding_events e where e.melding_id = ${m}.id), 0)::text || '"'`);
