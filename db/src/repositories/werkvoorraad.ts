import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { meldingen, teams } from '../schema.ts';

/**
 * The open meldingen of a team, P1 first, untriaged last, then the earliest deadline: the response deadline for
 * acute meldingen, otherwise the beoordeling deadline.
 */
export async function listWerkvoorraad(db: DbOrTx, teamIds: string[]) {
  if (!teamIds.length) return [];
  const dueAt = sql<Date>`coalesce(${meldingen.responseDueAt}, ${meldingen.beoordelingDueAt})`;
  return db
    .select({
      id: meldingen.id,
      reference: meldingen.reference,
      band: meldingen.band,
      priority: meldingen.priority,
      urgency: meldingen.urgency,
      route: meldingen.route,
      status: meldingen.status,
      receivedAt: meldingen.receivedAt,
      dueAt: sql<string>`${dueAt}`.mapWith((v: string) => new Date(v)),
      gemeente: meldingen.gemeenteCode,
      teamId: meldingen.teamId,
      assignedTo: meldingen.assignedTo,
    })
    .from(meldingen)
    .where(and(inArray(meldingen.teamId, teamIds), ne(meldingen.status, 'afgesloten')))
    .orderBy(sql`${meldingen.band} asc nulls last`, asc(dueAt), asc(meldingen.receivedAt))
    .limit(1000);
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
