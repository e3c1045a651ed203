// The roster (issue #22): a day's shifts as the chef van de dag sets them (the whole day at once, so a correction
// is one request), read with each person's name, team, hours and caseload — the open cases assigned to them.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import type { IsoDate } from '../domain/calendar.ts';
import type { Specialisme, TeamKind } from '../domain/codes.ts';
import { roosterDiensten, teams, users } from '../schema/index.ts';

export interface Dienst {
  userId: string;
  vanMinuut: number;
  totMinuut: number;
  teamId: string | null;
  specialismen: readonly Specialisme[];
}

export interface RoosterRegel extends Omit<Dienst, 'teamId'> {
  id: string;
  /** The team the shift names (null: the person's own team). */
  teamId: string | null;
  naam: string;
  /** The team the shift is worked in: the one named, else the person's own. */
  team: { id: string; kind: TeamKind; naam: string } | null;
  /** Open meldingen assigned to the person now. */
  caseload: number;
}

/** The shifts of `datum`, by start time and name. */
export async function roosterVan(db: DbOrTx, datum: IsoDate): Promise<RoosterRegel[]> {
  const rows = await db
    .select({
      id: roosterDiensten.id,
      userId: roosterDiensten.userId,
      vanMinuut: roosterDiensten.vanMinuut,
      totMinuut: roosterDiensten.totMinuut,
      teamId: roosterDiensten.teamId,
      werkTeamId: sql<string | null>`coalesce(${roosterDiensten.teamId}, ${users.teamId})`,
      specialismen: roosterDiensten.specialismen,
      naam: users.naam,
      teamKind: teams.kind,
      teamNaam: teams.naam,
      caseload: sql<number>`(select count(*)::int from meldingen m where m.status <> 'afgesloten' and ${roosterDiensten.userId} = any(m.assigned_to))`,
    })
    .from(roosterDiensten)
    .innerJoin(users, eq(users.id, roosterDiensten.userId))
    .leftJoin(teams, eq(teams.id, sql`coalesce(${roosterDiensten.teamId}, ${users.teamId})`))
    .where(eq(roosterDiensten.datum, datum))
    .orderBy(asc(roosterDiensten.vanMinuut), asc(users.naam));
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    vanMinuut: r.vanMinuut,
    totMinuut: r.totMinuut,
    teamId: r.teamId,
    specialismen: r.specialismen,
    naam: r.naam,
    team: r.werkTeamId && r.teamKind ? { id: r.werkTeamId, kind: r.teamKind, naam: r.teamNaam! } : null,
    caseload: r.caseload,
  }));
}

/** Sets the whole roster of `datum` (the shifts given replace the day's). */
export async function zetRooster(tx: DbOrTx, datum: IsoDate, diensten: readonly Dienst[], actorId: string | null) {
  await tx.delete(roosterDiensten).where(and(eq(roosterDiensten.datum, datum)));
  if (diensten.length)
    await tx.insert(roosterDiensten).values(diensten.map((d) => ({ datum, userId: d.userId, vanMinuut: d.vanMinuut, totMinuut: d.totMinuut, teamId: d.teamId, specialismen: [...d.specialismen], createdBy: actorId })));
}
