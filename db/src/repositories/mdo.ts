// The MDO (multidisciplinair overleg) and the onderzoek (domain.md steps 3–4): meetings with an agenda built from
// the MDO queue, a decision per case with its reason and owner, and the onderzoek's wachtlijst, 10-week term,
// outcomes per form of violence and follow-up. Each step is an event in the case history.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { monitoringCheckpoints as plannedCheckpoints, onderzoekDueDate } from '../domain/deadlines.ts';
import type { Conclusie, CrisisVervolg, Geweldsvorm, MdoBesluit, OnderzoekVervolg } from '../domain/codes.ts';
import { meldingen, meldingEvents, mdoAgendapunten, mdoOverleggen, monitoringCheckpoints, onderzoeken, users } from '../schema/index.ts';
import { ActionRefused, LifecycleConflict, closeMelding, createOverdracht, move, teamId } from './lifecycle.ts';
import { planTerugkoppeling } from './follow-up.ts';
import { caseReadable } from './access.ts';
import type { Actor } from './audit.ts';
import type { IsoDate, WerkdagKalender } from '../domain/calendar.ts';

export type Uitkomst = { geweldsvorm: Geweldsvorm; conclusie: Conclusie };

/** A participant from outside Veilig Thuis, as the minutes name them. */
export interface ExterneDeelnemer {
  naam: string;
  organisatie: string;
}

export async function createMdo(tx: DbOrTx, o: { datum: string; deelnemers: string[]; externen?: readonly ExterneDeelnemer[]; actorId: string }) {
  const externen = o.externen?.length ? JSON.stringify(o.externen) : null;
  const [row] = await tx.insert(mdoOverleggen).values({ datum: o.datum, deelnemers: o.deelnemers, externeDeelnemers: externen, createdBy: o.actorId }).returning();
  return row!;
}

const externenOf = (sealed: string | null): ExterneDeelnemer[] => (sealed ? (JSON.parse(sealed) as ExterneDeelnemer[]) : []);

export async function listMdo(db: DbOrTx) {
  return db
    .select({
      id: mdoOverleggen.id,
      datum: mdoOverleggen.datum,
      deelnemers: mdoOverleggen.deelnemers,
      // Spelled out: drizzle leaves columns unqualified in a one-table select, which would bind to `p` here.
      punten: sql<number>`(select count(*)::int from mdo_agendapunten p where p.mdo_id = mdo_overleggen.id)`,
      open: sql<number>`(select count(*)::int from mdo_agendapunten p where p.mdo_id = mdo_overleggen.id and p.besluit is null)`,
    })
    .from(mdoOverleggen)
    .orderBy(desc(mdoOverleggen.datum))
    .limit(200);
}

/** An MDO with its participants and agenda (reference, band, gemeente; no personal data of the household). */
export async function findMdo(db: DbOrTx, id: string) {
  const [mdo] = await db.select().from(mdoOverleggen).where(eq(mdoOverleggen.id, id));
  if (!mdo) return undefined;
  const [agenda, deelnemers] = await Promise.all([
    db
      .select({
        meldingId: meldingen.id,
        reference: meldingen.reference,
        band: meldingen.band,
        gemeente: meldingen.gemeenteCode,
        routeRule: meldingen.routeRule,
        // The case in a line for the meeting (no person of the household): its forms of violence, the heaviest
        // factors of its triage and when it came in.
        geweldsvormen: meldingen.geweldsvormen,
        factoren: meldingen.factors,
        receivedAt: meldingen.receivedAt,
        besluit: mdoAgendapunten.besluit,
        toelichting: mdoAgendapunten.toelichting,
        eigenaar: mdoAgendapunten.eigenaar,
        besluitAt: mdoAgendapunten.besluitAt,
      })
      .from(mdoAgendapunten)
      .innerJoin(meldingen, eq(meldingen.id, mdoAgendapunten.meldingId))
      .where(eq(mdoAgendapunten.mdoId, id))
      .orderBy(sql`${meldingen.band} asc nulls last`, asc(mdoAgendapunten.addedAt)),
    mdo.deelnemers.length ? db.select({ id: users.id, naam: users.naam, roles: users.roles }).from(users).where(inArray(users.id, mdo.deelnemers)) : Promise.resolve([]),
  ]);
  return { ...mdo, agenda, deelnemersInfo: deelnemers, externen: externenOf(mdo.externeDeelnemers) };
}

/** The MDO queue: cases routed to the MDO that are not on an agenda without a decision yet. */
export async function mdoWachtrij(db: DbOrTx, readableBy: Actor) {
  return db
    .select({ id: meldingen.id, reference: meldingen.reference, band: meldingen.band, gemeente: meldingen.gemeenteCode, updatedAt: meldingen.updatedAt })
    .from(meldingen)
    .where(
      and(
        eq(meldingen.status, 'mdo'),
        sql`not exists (select 1 from mdo_agendapunten p where p.melding_id = meldingen.id and p.besluit is null)`,
        caseReadable(readableBy),
      ),
    )
    .orderBy(sql`${meldingen.band} asc nulls last`, asc(meldingen.updatedAt))
    .limit(500);
}

export async function addToAgenda(tx: DbOrTx, mdoId: string, meldingId: string, actorId: string) {
  const [mdo] = await tx.select({ id: mdoOverleggen.id }).from(mdoOverleggen).where(eq(mdoOverleggen.id, mdoId));
  if (!mdo) return undefined;
  const [m] = await tx.select({ status: meldingen.status }).from(meldingen).where(eq(meldingen.id, meldingId));
  if (!m) return undefined;
  if (m.status !== 'mdo') throw new LifecycleConflict('Alleen meldingen in de MDO-wachtrij kunnen op de agenda.');
  const [row] = await tx.insert(mdoAgendapunten).values({ mdoId, meldingId }).onConflictDoNothing().returning({ id: mdoAgendapunten.id });
  if (!row) throw new LifecycleConflict('Deze melding staat al op deze agenda.');
  await tx.insert(meldingEvents).values({ meldingId, type: 'mdo_geagendeerd', actorId, data: { mdoId } });
  return row.id;
}

/** The MDO's decision on one case, and what follows from it at once. */
export async function decideAgendapunt(
  tx: DbOrTx,
  d: { mdoId: string; meldingId: string; besluit: MdoBesluit; toelichting: string; eigenaar: string | null; actorId: string; today: IsoDate },
): Promise<boolean> {
  const [m] = await tx.select({ gemeente: meldingen.gemeenteCode }).from(meldingen).where(eq(meldingen.id, d.meldingId));
  if (!m) return false;
  const o = { ...d, gemeente: m.gemeente };
  const now = new Date();
  const [p] = await tx
    .update(mdoAgendapunten)
    .set({ besluit: o.besluit, toelichting: o.toelichting, eigenaar: o.eigenaar, besluitBy: o.actorId, besluitAt: now })
    .where(and(eq(mdoAgendapunten.mdoId, o.mdoId), eq(mdoAgendapunten.meldingId, o.meldingId), isNull(mdoAgendapunten.besluit)))
    .returning({ id: mdoAgendapunten.id });
  if (!p) throw new LifecycleConflict('Deze melding staat niet (meer) open op deze agenda.');
  await tx.insert(meldingEvents).values({ meldingId: o.meldingId, type: 'mdo_besluit', actorId: o.actorId, data: { mdoId: o.mdoId, besluit: o.besluit, eigenaar: o.eigenaar, toelichting: o.toelichting } });
  if (o.besluit === 'onderzoek') {
    const team = await teamId(tx, 'onderzoek');
    await tx.insert(onderzoeken).values({ meldingId: o.meldingId, teamId: team, besluitAt: now });
    await move(tx, o.meldingId, 'onderzoek', team);
    if (o.eigenaar) await tx.update(meldingen).set({ assignedTo: [o.eigenaar] }).where(eq(meldingen.id, o.meldingId));
  } else if (o.besluit === 'vv') {
    await startVv(tx, o.meldingId, o.actorId, o.eigenaar, o.today);
  } else if (o.besluit === 'overdracht') {
    await createOverdracht(tx, { meldingId: o.meldingId, gemeente: o.gemeente, toelichting: o.toelichting, actorId: o.actorId });
  } else {
    await closeMelding(tx, o.meldingId, o.toelichting, o.actorId);
  }
  return true;
}

/**
 * The crisis team hands a crisis case on once the acute danger is met (issue #16): to the MDO queue, or straight onto
 * the wachtlijst onderzoek (as an MDO besluit `onderzoek` would). Only a case in the crisis step (its beoordeling
 * confirmed the crisis route); the reason stays in the history.
 */
export async function handOnCrisisCase(tx: DbOrTx, o: { meldingId: string; naar: CrisisVervolg; toelichting: string; actorId: string; now?: Date }) {
  const now = o.now ?? new Date();
  const [m] = await tx.select({ status: meldingen.status }).from(meldingen).where(eq(meldingen.id, o.meldingId));
  if (m?.status !== 'crisis') throw new LifecycleConflict('Alleen een crisiszaak (na de beoordeling) wordt door het crisisteam doorgezet.');
  await tx.insert(meldingEvents).values({ meldingId: o.meldingId, at: now, type: 'doorgezet', actorId: o.actorId, data: { van: 'crisis', naar: o.naar, toelichting: o.toelichting } });
  if (o.naar === 'mdo') {
    await move(tx, o.meldingId, 'mdo', await teamId(tx, 'mdo'), now);
  } else {
    const team = await teamId(tx, 'onderzoek');
    await tx.insert(onderzoeken).values({ meldingId: o.meldingId, teamId: team, besluitAt: now });
    await move(tx, o.meldingId, 'onderzoek', team, now);
  }
}

/** Voorwaarden & Vervolg: VT keeps the case and watches the agreed conditions through monitoring checkpoints. */
/** `today` is the Europe/Amsterdam date of the decision: the checkpoints count from it, never from the UTC date. */
async function startVv(tx: DbOrTx, meldingId: string, actorId: string, eigenaar: string | null, today: IsoDate) {
  const team = await teamId(tx, 'onderzoek');
  const dates = plannedCheckpoints(today);
  await tx.insert(monitoringCheckpoints).values(dates.map((dueDate) => ({ meldingId, dueDate })));
  await move(tx, meldingId, 'vv', team);
  if (eigenaar) await tx.update(meldingen).set({ assignedTo: [eigenaar] }).where(eq(meldingen.id, meldingId));
  await tx.insert(meldingEvents).values([
    { meldingId, type: 'vv_gestart', actorId, data: {} },
    { meldingId, type: 'monitoring_gepland', actorId, data: { checkpoints: dates } },
  ]);
}

/** Starts the onderzoek (from the wachtlijst, or directly); the term is 10 weeks (70 calendar days). */
/**
 * A case worker starts the onderzoek of a case: a medewerker those of its own team's cases (or of a team it also
 * works in), the chef van de dag any. Null when the case does not exist.
 */
export async function startOnderzoekOnCase(tx: DbOrTx, meldingId: string, startedAt: string, actor: Actor) {
  const [m] = await tx.select({ id: meldingen.id, status: meldingen.status, teamId: meldingen.teamId }).from(meldingen).where(eq(meldingen.id, meldingId)).for('update');
  if (!m) return null;
  if (actor.type === 'user' && !actor.roles.includes('chef_van_de_dag') && m.teamId !== actor.teamId && !actor.otherTeamIds?.includes(m.teamId ?? '')) {
    throw new ActionRefused('Deze melding ligt niet bij uw team.');
  }
  if (m.status === 'afgesloten') throw new LifecycleConflict('Deze melding is afgesloten.');
  return startOnderzoek(tx, m.id, startedAt, actor.id!);
}

export async function startOnderzoek(tx: DbOrTx, meldingId: string, startedAt: string, actorId: string) {
  const dueDate = onderzoekDueDate(startedAt);
  const [waiting] = await tx.select().from(onderzoeken).where(and(eq(onderzoeken.meldingId, meldingId), isNull(onderzoeken.afgerondAt)));
  if (waiting?.startedAt) throw new LifecycleConflict('Het onderzoek loopt al.');
  const team = await teamId(tx, 'onderzoek');
  const [row] = waiting
    ? await tx.update(onderzoeken).set({ startedAt, dueDate, startedBy: actorId }).where(eq(onderzoeken.id, waiting.id)).returning()
    : await tx.insert(onderzoeken).values({ meldingId, teamId: team, besluitAt: new Date(), startedAt, dueDate, startedBy: actorId }).returning();
  await move(tx, meldingId, 'onderzoek', team);
  await tx.insert(meldingEvents).values({ meldingId, type: 'onderzoek_gestart', actorId, data: { onderzoekId: row!.id, startedAt, dueDate } });
  return row!;
}

/** Finishes the running onderzoek with an outcome per form of violence and its follow-up. */
export async function finishOnderzoek(
  tx: DbOrTx,
  d: {
    meldingId: string;
    uitkomsten: Uitkomst[];
    vervolg: OnderzoekVervolg;
    /** The conclusions in words (sealed on the onderzoek). */
    conclusie?: string | null;
    /** With vervolg `overdracht`: the handover the worker wrote for the wijkteam (else a plain line, as before). */
    overdracht?: { gemeente?: string; toelichting: string; veiligheidsvoorwaarden?: string | null } | null;
    actorId: string;
    today: string;
    kalender?: WerkdagKalender;
  },
) {
  const [m] = await tx.select({ gemeente: meldingen.gemeenteCode }).from(meldingen).where(eq(meldingen.id, d.meldingId)).for('update');
  if (!m) return null;
  const o = { ...d, gemeente: m.gemeente };
  const [row] = await tx
    .update(onderzoeken)
    .set({ afgerondAt: new Date(), uitkomsten: o.uitkomsten, vervolg: o.vervolg, conclusie: o.conclusie ?? null, afgerondBy: o.actorId })
    .where(and(eq(onderzoeken.meldingId, o.meldingId), isNull(onderzoeken.afgerondAt), sql`${onderzoeken.startedAt} is not null`))
    .returning();
  if (!row) throw new LifecycleConflict('Er loopt geen gestart onderzoek voor deze melding.');
  await tx.insert(meldingEvents).values({ meldingId: o.meldingId, type: 'onderzoek_afgerond', actorId: o.actorId, data: { onderzoekId: row.id, uitkomsten: o.uitkomsten, vervolg: o.vervolg } });
  // The melder hears the outcome of the onderzoek (domain.md step 5).
  if (o.kalender) await planTerugkoppeling(tx, o.meldingId, 'na_onderzoek', o.today, o.kalender);
  if (o.vervolg === 'overdracht') {
    const h = o.overdracht;
    await createOverdracht(tx, {
      meldingId: o.meldingId,
      gemeente: h?.gemeente ?? o.gemeente,
      toelichting: h?.toelichting ?? 'Overdracht na onderzoek',
      veiligheidsvoorwaarden: h?.veiligheidsvoorwaarden ?? null,
      actorId: o.actorId,
    });
  }
  else if (o.vervolg === 'vv') await startVv(tx, o.meldingId, o.actorId, null, o.today);
  else if (o.vervolg === 'afsluiten') await closeMelding(tx, o.meldingId, 'Afgesloten na onderzoek', o.actorId);
  else {
    const dates = plannedCheckpoints(o.today);
    await tx.insert(monitoringCheckpoints).values(dates.map((dueDate) => ({ meldingId: o.meldingId, dueDate })));
    await move(tx, o.meldingId, 'monitoring', await teamId(tx, 'monitoring'));
    await tx.insert(meldingEvents).values({ meldingId: o.meldingId, type: 'monitoring_gepland', actorId: o.actorId, data: { checkpoints: dates } });
  }
  return row;
}

