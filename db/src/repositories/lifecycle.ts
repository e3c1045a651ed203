// After the beoordeling: handover to a wijkteam or the hulpverlening, its acceptance or return, the monitoring checkpoints, the
// tijdelijk huisverbod and closing (domain.md steps 3–7). Each step is an event in the case history.
import { and, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { klokVan, monitoringCheckpoints as plannedCheckpoints, stapTermijn } from '../domain/deadlines.ts';
import type { MeldingStatus, TeamKind } from '../domain/codes.ts';
import { teamKindForRoute } from '../domain/routing.ts';
import { gemeenten, huisverboden, meldingen, meldingEvents, monitoringCheckpoints, overdrachten, teams } from '../schema/index.ts';
import { caseReadable } from './access.ts';
import type { Actor } from './audit.ts';
import { loadKalender } from './kalender.ts';

/** The case is not in a state for this step (the API answers 409). */
export class LifecycleConflict extends Error {}

/** This actor may not take this step on this case, though its role may take it on others (the API answers 403). */
export class ActionRefused extends Error {}

/** What was asked cannot be done as asked (the API answers 400 with the fields named). */
export class InputRefused extends Error {
  constructor(
    message: string,
    readonly details: { path: string; message: string }[],
  ) {
    super(message);
  }
}

/**
 * The team of a kind, as an SQL subquery (a wijkteam: the one of `gemeente`): the one way the code finds a team, in a
 * repository's statement or on its own (teamId).
 */
export const teamOfKind = (kind: TeamKind, gemeente?: string | SQL) =>
  kind === 'wijkteam'
    ? sql`(select id from ${teams} where kind = 'wijkteam' and gemeente_code = ${gemeente ?? null} limit 1)`
    : sql`(select id from ${teams} where kind = ${kind}::team_kind and gemeente_code is null order by naam limit 1)`;

/** The team of a kind (a wijkteam: the one of `gemeente`). */
export async function teamId(tx: DbOrTx, kind: TeamKind, gemeente?: string) {
  const rows = await tx.execute<{ id: string | null }>(sql`select ${teamOfKind(kind, gemeente)} as id`);
  return rows[0]?.id ?? null;
}

/** The clock of a case in its (new) status, from the rows written so far in this transaction (melding_clock() in db/drizzle/0000_baseline.sql). */
const clockOf = (meldingId: string, status: MeldingStatus) => sql`melding_clock(${meldingId}::uuid, ${status}::melding_status)`;

/**
 * Moves a case to a status and (when given) a team; its clock follows (domain/deadlines.ts, `klokken`): a step whose
 * clock starts on entering it (MDO, the wachtlijst onderzoek, a handover, a crisis case) is due from now; the
 * others take their clock from their own rows (write those rows first).
 */
/**
 * The outcome of the veiligheidsbeoordeling that entering a status means (CBS 84852NED): the first step after the
 * beoordeling, or after the MDO or the crisis team (entering mdo or crisis decides nothing yet). A handover goes to
 * the professional already involved when the route or the handover says so, otherwise to the lokaal team.
 */
const vbUitkomstVan = (meldingId: string, status: MeldingStatus) => {
  switch (status) {
    case 'onderzoek':
      return sql`'vervolg_onderzoek'::vb_uitkomst`;
    case 'vv':
      return sql`'vervolg_vv'::vb_uitkomst`;
    case 'afgesloten':
      return sql`'geen_vervolgstappen'::vb_uitkomst`;
    case 'overdracht':
      return sql`(case when ${meldingen.route} = 'hulpverlening' or exists (select 1 from ${overdrachten} o where o.melding_id = ${meldingId}::uuid and o.status = 'verzonden' and o.hulpverlening is not null)
                  then 'overdracht_hulpverlening' else 'overdracht_lokaal_team' end)::vb_uitkomst`;
    default:
      return null;
  }
};

export async function move(tx: DbOrTx, meldingId: string, status: MeldingStatus, team: string | null, now = new Date()) {
  const klok = klokVan(status, { acuut: false, onderzoekGestart: false });
  const entered = klok ? stapTermijn(klok, now, await loadKalender(tx)) : null;
  // A crisis case that the triage found acute keeps the 24 hours counted from receipt.
  const ownClock = status === 'crisis' ? sql`${meldingen.responseDueAt}` : clockOf(meldingId, status);
  const uitkomst = vbUitkomstVan(meldingId, status);
  await tx
    .update(meldingen)
    .set({
      status,
      ...(team ? { teamId: team } : {}),
      clockDueAt: entered ? sql`coalesce(${ownClock}, ${entered.toISOString()}::timestamptz)` : clockOf(meldingId, status),
      updatedAt: now,
      // The first outcome stays (a re-opened case does not change what its veiligheidsbeoordeling led to).
      ...(uitkomst
        ? {
            vbUitkomstAt: sql`case when ${meldingen.vbUitkomst} is null then ${now.toISOString()}::timestamptz else ${meldingen.vbUitkomstAt} end`,
            vbUitkomst: sql`coalesce(${meldingen.vbUitkomst}, ${uitkomst})`,
          }
        : {}),
      // Leaving V&V ends the trajectory (an afgeronde dienst V&V, CBS 84850NED).
      vvAfgerondAt: sql`case when ${meldingen.status} = 'vv' and ${status}::melding_status <> 'vv' then ${now.toISOString()}::timestamptz else ${meldingen.vvAfgerondAt} end`,
    })
    .where(eq(meldingen.id, meldingId));
}

/** Recomputes the werkvoorraad clock after a checkpoint or condition changed without a status change. */
export async function refreshClock(tx: DbOrTx, meldingId: string) {
  await tx.update(meldingen).set({ clockDueAt: sql`melding_clock(${meldingen.id}, ${meldingen.status})` }).where(eq(meldingen.id, meldingId));
}

/** The professional already involved to whom a case is handed over (route hulpverlening, api.md). */
export interface Hulpverlening {
  organisatie: string;
  contactpersoon: string;
  telefoon?: string | undefined;
  email?: string | undefined;
}

/** The stored (sealed) JSON of a handover's hulpverlening, read back; null for a handover to a wijkteam. */
export function hulpverleningVan(stored: string | null): Hulpverlening | null {
  if (!stored) return null;
  try {
    const h = JSON.parse(stored) as Hulpverlening;
    return { organisatie: h.organisatie, contactpersoon: h.contactpersoon, ...(h.telefoon ? { telefoon: h.telefoon } : {}), ...(h.email ? { email: h.email } : {}) };
  } catch {
    return null;
  }
}

/**
 * Sends a handover: to a gemeente's wijkteam, or with `hulpverlening` to the professional already involved (the case
 * then stays with the beoordeling team, whose case worker records the warm handover's acceptance). Refuses while
 * another one is pending.
 */
export async function createOverdracht(
  tx: DbOrTx,
  o: {
    meldingId: string;
    gemeente: string;
    toelichting: string;
    veiligheidsvoorwaarden?: string | null;
    hulpverlening?: Hulpverlening | null;
    actorId: string | null;
  },
) {
  const [g] = await tx.select({ code: gemeenten.code }).from(gemeenten).where(eq(gemeenten.code, o.gemeente));
  if (!g) throw new InputRefused('Onbekende gemeente.', [{ path: '/gemeente', message: 'Onbekende gemeente voor deze regio.' }]);
  const [pending] = await tx
    .select({ id: overdrachten.id })
    .from(overdrachten)
    .where(and(eq(overdrachten.meldingId, o.meldingId), eq(overdrachten.status, 'verzonden')));
  if (pending) throw new LifecycleConflict('Er staat al een overdracht open voor deze melding.');
  const h = o.hulpverlening ?? null;
  const [row] = await tx
    .insert(overdrachten)
    .values({
      meldingId: o.meldingId,
      gemeenteCode: o.gemeente,
      toelichting: o.toelichting,
      veiligheidsvoorwaarden: o.veiligheidsvoorwaarden ?? null,
      hulpverlening: h ? JSON.stringify(h) : null,
      createdBy: o.actorId,
    })
    .returning({ id: overdrachten.id });
  await move(tx, o.meldingId, 'overdracht', await teamId(tx, teamKindForRoute[h ? 'hulpverlening' : 'wijkteam']!, o.gemeente));
  // The event names where it went, never who (the contact person is personal data; the case file has it, sealed).
  await tx.insert(meldingEvents).values({
    meldingId: o.meldingId,
    type: 'overdracht_verzonden',
    actorId: o.actorId,
    data: { overdrachtId: row!.id, gemeente: o.gemeente, naar: h ? 'hulpverlening' : 'wijkteam' },
  });
  return row!.id;
}

export async function findOverdracht(db: DbOrTx, id: string) {
  const [row] = await db.select().from(overdrachten).where(eq(overdrachten.id, id));
  return row;
}

/** A wijkteam's inbox (or, without a gemeente, all handovers), open ones first. */
/** Handovers, pending first: to one gemeente (a wijkteam's inbox) or all, of the cases `readableBy` may open. */
export async function listOverdrachten(db: DbOrTx, f: { gemeente: string | null; readableBy: Actor }) {
  return db
    .select({
      id: overdrachten.id,
      meldingId: overdrachten.meldingId,
      reference: meldingen.reference,
      gemeente: overdrachten.gemeenteCode,
      status: overdrachten.status,
      toelichting: overdrachten.toelichting,
      veiligheidsvoorwaarden: overdrachten.veiligheidsvoorwaarden,
      createdAt: overdrachten.createdAt,
      decidedAt: overdrachten.decidedAt,
      band: meldingen.band,
      hulpverlening: overdrachten.hulpverlening,
    })
    .from(overdrachten)
    .innerJoin(meldingen, eq(meldingen.id, overdrachten.meldingId))
    // A wijkteam's inbox holds only what went to its wijkteam, never a handover to the hulpverlening in its gemeente.
    .where(and(caseReadable(f.readableBy), f.gemeente ? and(eq(overdrachten.gemeenteCode, f.gemeente), isNull(overdrachten.hulpverlening)) : undefined))
    .orderBy(sql`${overdrachten.status} = 'verzonden' desc`, desc(overdrachten.createdAt))
    .limit(500);
}

/**
 * Accepting schedules the monitoring checkpoints, counted from the day of acceptance (api.md); a handover to the
 * hulpverlening is accepted by a Veilig Thuis case worker on the contact person's behalf (`namens`).
 */
export async function acceptOverdracht(tx: DbOrTx, id: string, actorId: string, today: string, months?: readonly number[], namens: 'contactpersoon' | null = null) {
  const [o] = await tx
    .update(overdrachten)
    .set({ status: 'geaccepteerd', decidedBy: actorId, decidedAt: new Date(), namens })
    .where(and(eq(overdrachten.id, id), eq(overdrachten.status, 'verzonden')))
    .returning();
  if (!o) throw new LifecycleConflict('Deze overdracht is al beantwoord.');
  const dates = plannedCheckpoints(today, months);
  await tx.insert(monitoringCheckpoints).values(dates.map((dueDate) => ({ meldingId: o.meldingId, overdrachtId: o.id, dueDate })));
  await move(tx, o.meldingId, 'monitoring', await teamId(tx, 'monitoring'));
  await tx.insert(meldingEvents).values([
    { meldingId: o.meldingId, type: 'overdracht_geaccepteerd', actorId, data: { overdrachtId: o.id, gemeente: o.gemeenteCode, ...(namens ? { namens } : {}) } },
    { meldingId: o.meldingId, type: 'monitoring_gepland', actorId, data: { checkpoints: dates } },
  ]);
  return o;
}

/** Sent back: Veilig Thuis decides again (the melding returns to the beoordeling queue). */
export async function returnOverdracht(tx: DbOrTx, id: string, actorId: string, reden: string) {
  const [o] = await tx
    .update(overdrachten)
    .set({ status: 'teruggestuurd', reden, decidedBy: actorId, decidedAt: new Date() })
    .where(and(eq(overdrachten.id, id), eq(overdrachten.status, 'verzonden')))
    .returning();
  if (!o) throw new LifecycleConflict('Deze overdracht is al beantwoord.');
  await move(tx, o.meldingId, 'triage_voorgesteld', await teamId(tx, 'beoordeling'));
  await tx.insert(meldingEvents).values({ meldingId: o.meldingId, type: 'overdracht_teruggestuurd', actorId, data: { overdrachtId: o.id, reden } });
  return o;
}

export async function imposeThv(tx: DbOrTx, meldingId: string, opgelegdOp: string, eindigtOp: string, actorId: string) {
  const [row] = await tx.insert(huisverboden).values({ meldingId, opgelegdOp, eindigtOp }).returning();
  await tx.insert(meldingEvents).values({ meldingId, type: 'thv_opgelegd', actorId, data: { thvId: row!.id, opgelegdOp, eindigtOp } });
  return row!;
}

export async function extendThv(tx: DbOrTx, id: string, totEnMet: string, actorId: string) {
  const [row] = await tx.update(huisverboden).set({ verlengdTotEnMet: totEnMet }).where(eq(huisverboden.id, id)).returning();
  if (!row) return undefined;
  await tx.insert(meldingEvents).values({ meldingId: row.meldingId, type: 'thv_verlengd', actorId, data: { thvId: id, totEnMet } });
  return row;
}

export async function findThv(db: DbOrTx, id: string) {
  const [row] = await db.select().from(huisverboden).where(eq(huisverboden.id, id));
  return row;
}

export async function closeMelding(tx: DbOrTx, meldingId: string, reden: string, actorId: string) {
  await move(tx, meldingId, 'afgesloten', null);
  await tx.insert(meldingEvents).values({ meldingId, type: 'afgesloten', actorId, data: { reden } });
}

/**
 * A person closes a case with a reason. `crisisOnly`: the crisis team closes its own crisis cases, nobody else's
 * (the other roles close what their work brings them).
 */
export async function closeCase(tx: DbOrTx, c: { meldingId: string; reden: string; actorId: string; crisisOnly: boolean }) {
  const [m] = await tx
    .select({ status: meldingen.status, teamKind: teams.kind })
    .from(meldingen)
    .leftJoin(teams, eq(teams.id, meldingen.teamId))
    .where(eq(meldingen.id, c.meldingId));
  if (c.crisisOnly && m?.teamKind !== 'crisisteam') throw new ActionRefused('Het crisisteam sluit alleen zijn eigen crisiszaken af.');
  if (m?.status === 'afgesloten') throw new LifecycleConflict('Deze melding is al afgesloten.');
  await closeMelding(tx, c.meldingId, c.reden, c.actorId);
}

