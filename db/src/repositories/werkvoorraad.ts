import { eq, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { isoInstant, meldingen, teams, werkvoorraadDue, werkvoorraadKlok } from '../schema/index.ts';
import { AuditWriteError, auditRole, type Actor } from './audit.ts';
import { caseReadable } from './access.ts';

// One team (the usual case) as an equality, so the index hands the rows over in order without a sort.
const teamCondition = (ids: string[]) =>
  ids.length === 1 ? sql`team_id = ${ids[0]}::uuid` : sql`team_id = any(${`{${ids.join(',')}}`}::uuid[])`;

/**
 * Working days in (from, to] in SQL, as WerkdagKalender.werkdagenTussen counts them: the weekdays (counted from a
 * Monday long ago, 1900-01-01) less the holidays and declared days that fall on a weekday in that span.
 * `weekdayHolidays` is a date[] parameter (WerkdagKalender.weekdagFeestdagen).
 */
export const werkdagenTussenSql = (from: SQL, to: SQL, weekdayHolidays: SQL) => sql`
  greatest(0,
    (5 * ((${to} + 1 - date '1900-01-01') / 7) + least((${to} + 1 - date '1900-01-01') % 7, 5))
  - (5 * ((${from} + 1 - date '1900-01-01') / 7) + least((${from} + 1 - date '1900-01-01') % 7, 5))
  - (select count(*)::int from unnest(${weekdayHolidays}) h where h > ${from} and h <= ${to}))`;

export interface WerkvoorraadPage {
  teamIds: string[];
  /** Today on the Amsterdam calendar: the working days waited count up to it. */
  today: string;
  /** Every holiday or declared day on a weekday since 1900 (sorted); see werkdagenTussenSql. */
  weekdayHolidays: readonly string[];
  actor: Actor;
  team: string;
  ip: string | null;
  /** Only these cases (the web app patches its list with the ones a live event named); at most 100. */
  ids?: readonly string[];
}

/**
 * The werkvoorraad answer, `{"items":[…]}`, as JSON text built by Postgres, with its audit row written by the same
 * statement: the open meldingen of the team(s), P1 first, untriaged last, then the earliest deadline (the running
 * lifecycle clock, else the acute response, else the beoordeling), then arrival; at most 1,000. Read in index order
 * (meldingen_werkvoorraad_idx). The API passes the text through: no row objects, no re-serialising (this is the
 * busiest read of the day, bench: tests/bench/RESULTS.md). Only the cases the actor may open are listed (the record
 * rule; for a team's own queue and the chef van de dag it keeps every row). No audit, no data: the audit insert is part of the
 * statement (a data-modifying WITH runs to completion whether or not it is read), so it fails the read with it.
 */
export async function werkvoorraadJson(db: DbOrTx, p: WerkvoorraadPage): Promise<string> {
  const holidays = sql`${`{${p.weekdayHolidays.join(',')}}`}::date[]`;
  const today = sql`${p.today}::date`;
  const rows = await db
    .execute<{ body: string }>(
      sql`
    with au as (
      insert into audit_log (actor_id, actor_type, role, on_behalf_of, action, subject_type, subject_id, purpose, result, ip)
      values (${p.actor.id}::uuid, ${p.actor.type}, ${auditRole(p.actor)}, ${p.actor.type === 'client' ? p.actor.naam : null},
              'search', 'werkvoorraad', ${p.team}, null, 'success', ${p.ip})),
    page as (
      select id, reference, band, priority, urgency, route, status, received_at, ${sql.raw(werkvoorraadDue)} as due_at, ${sql.raw(werkvoorraadKlok)} as klok,
             (received_at at time zone 'Europe/Amsterdam')::date as received_on, gemeente_code, assigned_to, team_id
        from ${meldingen}
       where ${p.teamIds.length ? teamCondition(p.teamIds) : sql`false`} and status <> 'afgesloten' and ${caseReadable(p.actor)}
         ${p.ids ? sql`and id = any(${`{${p.ids.join(',')}}`}::uuid[])` : sql``}
       order by band asc nulls last, ${sql.raw(werkvoorraadDue)}, received_at
       limit 1000),
    -- Materialised: counted once per day of arrival, not once per row.
    days as materialized (
      select d, ${werkdagenTussenSql(sql`d`, today, holidays)} as werkdagen
        from (select distinct received_on as d from page) x),
    -- Each item written as JSON text by concatenation: a third of the time json_agg over records takes for a
    -- thousand rows. Every value is a number, a code, a uuid, a formatted instant or passes through to_json, so
    -- the text is valid JSON whatever a reference holds (tests/api/werkvoorraad.test.ts parses it).
    item as (
      select concat('{"id":"', p.id, '","reference":', to_json(p.reference), ',"band":', coalesce(to_json(p.band)::text, 'null'),
                    ',"priority":', coalesce(p.priority::text, 'null'), ',"urgency":', coalesce(to_json(p.urgency)::text, 'null'),
                    ',"route":', coalesce(to_json(p.route)::text, 'null'), ',"status":', to_json(p.status),
                    ',"receivedAt":"', ${sql.raw(isoInstant('p.received_at'))}, '","dueAt":"', ${sql.raw(isoInstant('p.due_at'))},
                    '","klok":', coalesce(to_json(p.klok)::text, 'null'), ',"werkdagenWachtend":', d.werkdagen, ',"gemeente":', to_json(p.gemeente_code), ',"assignedTo":', array_to_json(p.assigned_to),
                    ',"team":', coalesce(to_json(t.kind)::text, 'null'),
                    -- A handover the wijkteam sent back: the case is back in the queue and says so.
                    ',"teruggestuurd":', coalesce((select (o.status = 'teruggestuurd')::text from overdrachten o where o.melding_id = p.id order by o.created_at desc limit 1), 'false'),
                    '}') as json,
             p.band, p.due_at, p.received_at
        from page p join days d on d.d = p.received_on left join ${teams} t on t.id = p.team_id)
    select concat('{"items":[', string_agg(item.json, ',' order by item.band asc nulls last, item.due_at, item.received_at), ']}') as body
      from item`,
    )
    .catch((err: unknown) => {
      // Only a failure of the audit insert is an audit failure (503, no data); any other SQL error is what it is.
      // (drizzle wraps the driver's error: the table is named on its cause)
      const pg = err as { table_name?: string; cause?: { table_name?: string } };
      throw (pg.table_name ?? pg.cause?.table_name) === 'audit_log' ? new AuditWriteError(err) : err;
    });
  return rows[0]!.body;
}

/** Every team of Veilig Thuis's own work: the chef van de dag's dagstart across teams (not the advice line, no wijkteam). */
export const ALLE_TEAMS = 'alle';

/** Resolves `team` (an id, a kind such as `beoordeling`, or `alle`) to team ids. */
export async function resolveTeams(db: DbOrTx, team: string): Promise<string[]> {
  if (team === ALLE_TEAMS) {
    const rows = await db.select({ id: teams.id }).from(teams).where(notInArray(teams.kind, ['advieslijn', 'wijkteam']));
    return rows.map((r) => r.id);
  }
  const isUuid = /^[0-9a-f-]{36}$/i.test(team);
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(isUuid ? eq(teams.id, team) : eq(teams.kind, team as typeof teams.$inferSelect.kind));
  return rows.map((r) => r.id);
}
