import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { meldingen, teams, werkvoorraadDue, type Melding } from '../schema.ts';

export interface WerkvoorraadRow {
  id: string;
  reference: string;
  band: Melding['band'];
  priority: number | null;
  urgency: Melding['urgency'];
  route: Melding['route'];
  status: Melding['status'];
  /** ISO-8601 instants, straight from Postgres (no Date round trip for a thousand rows). */
  receivedAt: string;
  dueAt: string;
  /** The Amsterdam calendar day of arrival, for the working days waited. */
  receivedOn: string;
  gemeente: string;
  teamId: string | null;
  assignedTo: string[];
}

const isoUtc = (col: string) => sql.raw(`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

// One team (the usual case) as an equality, so the index hands the rows over in order without a sort.
const teamCondition = (ids: string[]) =>
  ids.length === 1 ? sql`team_id = ${ids[0]}::uuid` : sql`team_id = any(${`{${ids.join(',')}}`}::uuid[])`;

/**
 * The open meldingen of a team, P1 first, untriaged last, then the earliest deadline: the running lifecycle clock
 * (onderzoek term, next checkpoint or V&V review), else the response deadline for acute meldingen, else the
 * beoordeling deadline. Read in index order (meldingen_werkvoorraad_idx) and
 * returned as plain rows: this list is the busiest read of the day.
 */
export async function listWerkvoorraad(db: DbOrTx, teamIds: string[]): Promise<WerkvoorraadRow[]> {
  if (!teamIds.length) return [];
  const rows = await db.execute<{
    id: string; reference: string; band: Melding['band']; priority: number | null; urgency: Melding['urgency'];
    route: Melding['route']; status: Melding['status']; received_at: string; due_at: string; received_on: string;
    gemeente: string; team_id: string | null; assigned_to: string;
  }>(sql`
    select id, reference, band, priority, urgency, route, status,
           ${isoUtc('received_at')} as received_at,
           ${isoUtc(werkvoorraadDue)} as due_at,
           (received_at at time zone 'Europe/Amsterdam')::date::text as received_on,
           gemeente_code as gemeente, team_id, array_to_json(assigned_to)::text as assigned_to
      from ${meldingen}
     where ${teamCondition(teamIds)} and status <> 'afgesloten'
     order by band asc nulls last, ${sql.raw(werkvoorraadDue)}, received_at
     limit 1000`);
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    band: r.band,
    priority: r.priority,
    urgency: r.urgency,
    route: r.route,
    status: r.status,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    receivedOn: r.received_on,
    gemeente: r.gemeente,
    teamId: r.team_id,
    assignedTo: r.assigned_to === '[]' ? [] : (JSON.parse(r.assigned_to) as string[]),
  }));
}

/** Resolves `team` (an id or a kind such as `beoordeling`) to team ids. */
export async function resolveTeams(db: DbOrTx, team: string): Promise<string[]> {
  const isUuid = /^[0-9a-f-]{36}$/i.test(team);
  const rows = await db
    .select({ id: teams.id })
    .from(teams)
    .where(isUuid ? eq(teams.id, team) : eq(teams.kind, team as typeof teams.$inferSelect.kind));
  return rows.map((r) => r.id);
}
