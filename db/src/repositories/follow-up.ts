// What keeps a case safe after the decision: monitoring checkpoints recorded as safe or not (not safe sends the
// case back to Veilig Thuis's beoordeling queue), Code Rood, and the reminders that nothing is forgotten — a
// handover not accepted in time, a tijdelijk huisverbod about to end, a checkpoint that passed unrecorded. The
// reminders take `now` from the caller, so they are tested with any clock.
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { addDays, amsterdamDate, type WerkdagKalender } from '../domain/calendar.ts';
import type { AcuteActie, HerinneringSoort } from '../domain/codes.ts';
import { acuteInzetten, codeRood, huisverboden, meldingen, meldingEvents, monitoringCheckpoints, overdrachten, terugkoppelingen, vvVoorwaarden } from '../schema/index.ts';
import { InputRefused, LifecycleConflict, move, refreshClock, teamId } from './lifecycle.ts';
import { caseReadable } from './access.ts';
import type { Actor } from './audit.ts';
import { activeStaffAmong } from './users.ts';

export async function findCheckpoint(db: DbOrTx, id: string) {
  const [c] = await db.select().from(monitoringCheckpoints).where(eq(monitoringCheckpoints.id, id));
  return c;
}

/** Records a checkpoint; `niet_veilig` escalates: the case goes back to the beoordeling queue at once. */
export async function recordCheckpoint(tx: DbOrTx, o: { id: string; uitkomst: 'veilig' | 'niet_veilig'; toelichting: string; actorId: string; now?: Date }) {
  const now = o.now ?? new Date();
  const [c] = await tx
    .update(monitoringCheckpoints)
    .set({ status: o.uitkomst, recordedBy: o.actorId, recordedAt: now })
    .where(and(eq(monitoringCheckpoints.id, o.id), eq(monitoringCheckpoints.status, 'gepland')))
    .returning();
  if (!c) throw new LifecycleConflict('Dit monitoringsmoment is al vastgelegd.');
  const escalate = o.uitkomst === 'niet_veilig';
  await tx.insert(meldingEvents).values({ meldingId: c.meldingId, at: now, type: 'monitoring_vastgelegd', actorId: o.actorId, data: { checkpointId: c.id, dueDate: c.dueDate, uitkomst: o.uitkomst, escalatie: escalate, toelichting: o.toelichting } });
  if (escalate) await move(tx, c.meldingId, 'triage_voorgesteld', await teamId(tx, 'beoordeling'));
  else await refreshClock(tx, c.meldingId);
  return { ...c, escalated: escalate };
}

export async function flagCodeRood(tx: DbOrTx, o: { meldingId: string; datum: string; toelichting: string; actorId: string }) {
  const [row] = await tx.insert(codeRood).values({ meldingId: o.meldingId, datum: o.datum, toelichting: o.toelichting, createdBy: o.actorId }).returning();
  await tx.insert(meldingEvents).values({ meldingId: o.meldingId, type: 'code_rood', actorId: o.actorId, data: { codeRoodId: row!.id, datum: o.datum, toelichting: o.toelichting } });
  return row!;
}

/**
 * Records an acute response given on the case (domain.md step 2): when, what and by whom. The people named are active
 * Veilig Thuis staff (no wijkteam, nobody disabled); the moment lies between the case's receipt and now.
 */
export async function recordAcuteInzet(
  tx: DbOrTx,
  m: { id: string; receivedAt: Date; status: string },
  o: { gegevenOp: Date; acties: readonly AcuteActie[]; uitvoerders: readonly string[]; toelichting: string | null; actorId: string; now?: Date },
) {
  const now = o.now ?? new Date();
  if (m.status === 'afgesloten') throw new LifecycleConflict('Deze melding is afgesloten.');
  // A few minutes' slack for a clock that runs ahead; a response is not recorded in advance.
  if (o.gegevenOp.getTime() > now.getTime() + 5 * 60_000) throw new InputRefused('Een acute inzet wordt niet vooruit vastgelegd.', [{ path: '/gegevenOp', message: 'Mag niet in de toekomst liggen.' }]);
  // A time is entered to the minute: the minute of receipt itself is allowed.
  if (o.gegevenOp.getTime() < Math.floor(m.receivedAt.getTime() / 60_000) * 60_000) throw new InputRefused('De inzet ligt vóór de ontvangst van de melding.', [{ path: '/gegevenOp', message: 'Kies een moment na de ontvangst.' }]);
  const found = await activeStaffAmong(tx, o.uitvoerders);
  if (found.length !== o.uitvoerders.length) throw new InputRefused('Onbekende of niet-actieve medewerker.', [{ path: '/uitvoerders', message: 'Kies actieve medewerkers van Veilig Thuis.' }]);
  const [row] = await tx
    .insert(acuteInzetten)
    .values({ meldingId: m.id, gegevenOp: o.gegevenOp, acties: [...o.acties], uitvoerders: [...o.uitvoerders], toelichting: o.toelichting, createdBy: o.actorId, createdAt: now })
    .returning();
  // The history names what was done and when; the note stays on the record (sealed), not in the event.
  await tx.insert(meldingEvents).values({ meldingId: m.id, at: now, type: 'acute_inzet', actorId: o.actorId, data: { acuteInzetId: row!.id, gegevenOp: o.gegevenOp.toISOString(), acties: o.acties, uitvoerders: o.uitvoerders } });
  await tx.update(meldingen).set({ updatedAt: now }).where(eq(meldingen.id, m.id));
  return row!;
}

export async function recordCodeRoodUitkomst(tx: DbOrTx, o: { id: string; datum: string; uitkomst: string; actorId: string }) {
  const [row] = await tx.update(codeRood).set({ uitkomst: o.uitkomst, uitkomstDatum: o.datum }).where(and(eq(codeRood.id, o.id), isNull(codeRood.uitkomst))).returning();
  if (!row) return undefined;
  await tx.insert(meldingEvents).values({ meldingId: row.meldingId, type: 'code_rood', actorId: o.actorId, data: { codeRoodId: row.id, uitkomstDatum: o.datum, toelichting: o.uitkomst } });
  return row;
}

export interface Herinnering {
  soort: HerinneringSoort;
  meldingId: string;
  reference: string;
  /** The date the reminder is about: sent on, ends on, was due on. */
  datum: string;
  /** Working days waited (overdracht) or calendar days left/over (others). */
  dagen: number;
}

/**
 * The reminders at `now` (references and dates only): handovers not accepted within `overdrachtWerkdagen` working
 * days, huisverboden ending within `thvDagen` days, checkpoints and V&V condition reviews that passed unrecorded, and
 * the melder's feedback past its date.
 */
export async function herinneringen(db: DbOrTx, now: Date, k: WerkdagKalender, o: { overdrachtWerkdagen: number; thvDagen?: number; readableBy?: Actor }): Promise<Herinnering[]> {
  const today = amsterdamDate(now);
  // A person sees the reminders of the cases it may open (the record rule); the workers' pass sees them all.
  const r = o.readableBy ? caseReadable(o.readableBy) : undefined;
  const [pending, thv, checkpoints, feedback, voorwaarden] = await Promise.all([
    db
      .select({ meldingId: meldingen.id, reference: meldingen.reference, createdAt: overdrachten.createdAt })
      .from(overdrachten)
      .innerJoin(meldingen, eq(meldingen.id, overdrachten.meldingId))
      .where(and(eq(overdrachten.status, 'verzonden'), lt(overdrachten.createdAt, now), r))
      .orderBy(asc(overdrachten.createdAt)),
    db
      .select({ meldingId: meldingen.id, reference: meldingen.reference, eind: sql<string>`coalesce(${huisverboden.verlengdTotEnMet}, ${huisverboden.eindigtOp})::text` })
      .from(huisverboden)
      .innerJoin(meldingen, eq(meldingen.id, huisverboden.meldingId))
      .where(and(sql`coalesce(${huisverboden.verlengdTotEnMet}, ${huisverboden.eindigtOp}) between ${today}::date and ${addDays(today, o.thvDagen ?? 2)}::date and ${meldingen.status} <> 'afgesloten'`, r)),
    db
      .select({ meldingId: meldingen.id, reference: meldingen.reference, dueDate: monitoringCheckpoints.dueDate })
      .from(monitoringCheckpoints)
      .innerJoin(meldingen, eq(meldingen.id, monitoringCheckpoints.meldingId))
      .where(and(eq(monitoringCheckpoints.status, 'gepland'), lt(monitoringCheckpoints.dueDate, today), sql`${meldingen.status} <> 'afgesloten'`, r))
      .orderBy(asc(monitoringCheckpoints.dueDate)),
    db
      .select({ meldingId: meldingen.id, reference: meldingen.reference, dueDate: terugkoppelingen.dueDate })
      .from(terugkoppelingen)
      .innerJoin(meldingen, eq(meldingen.id, terugkoppelingen.meldingId))
      .where(and(isNull(terugkoppelingen.doneAt), lt(terugkoppelingen.dueDate, today), r))
      .orderBy(asc(terugkoppelingen.dueDate)),
    db
      .select({ meldingId: meldingen.id, reference: meldingen.reference, controleOp: vvVoorwaarden.controleOp })
      .from(vvVoorwaarden)
      .innerJoin(meldingen, eq(meldingen.id, vvVoorwaarden.meldingId))
      .where(and(eq(vvVoorwaarden.status, 'lopend'), lt(vvVoorwaarden.controleOp, today), sql`${meldingen.status} <> 'afgesloten'`, r))
      .orderBy(asc(vvVoorwaarden.controleOp)),
  ]);
  const out: Herinnering[] = [];
  for (const p of pending) {
    const sent = amsterdamDate(p.createdAt);
    const waited = k.werkdagenTussen(sent, today);
    if (waited >= o.overdrachtWerkdagen) out.push({ soort: 'overdracht_niet_geaccepteerd', meldingId: p.meldingId, reference: p.reference, datum: sent, dagen: waited });
  }
  for (const t of thv) out.push({ soort: 'thv_eindigt', meldingId: t.meldingId, reference: t.reference, datum: t.eind, dagen: daysBetween(today, t.eind) });
  for (const c of checkpoints) out.push({ soort: 'monitoring_verstreken', meldingId: c.meldingId, reference: c.reference, datum: c.dueDate, dagen: daysBetween(c.dueDate, today) });
  for (const f of feedback) out.push({ soort: 'terugkoppeling_verlopen', meldingId: f.meldingId, reference: f.reference, datum: f.dueDate, dagen: daysBetween(f.dueDate, today) });
  for (const v of voorwaarden) out.push({ soort: 'voorwaarde_controle_verstreken', meldingId: v.meldingId, reference: v.reference, datum: v.controleOp, dagen: daysBetween(v.controleOp, today) });
  return out;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Working days the melder waits at most for the feedback after a decision (a regional setting; 5 by default). */
export const TERUGKOPPELING_WERKDAGEN = 5;

/** Plans the melder's feedback after `moment`, due 5 working days after `fromDate`; planning twice changes nothing. */
export async function planTerugkoppeling(tx: DbOrTx, meldingId: string, moment: 'na_beoordeling' | 'na_onderzoek', fromDate: string, k: WerkdagKalender) {
  await tx.insert(terugkoppelingen).values({ meldingId, moment, dueDate: k.addWerkdagen(fromDate, TERUGKOPPELING_WERKDAGEN) }).onConflictDoNothing();
}

/**
 * Records the melder's feedback as given: `bericht` is the message the melder reads on the status page (written for
 * the melder: the vervolg, never the household's details), `notitie` a note for the file only.
 */
export async function recordTerugkoppeling(tx: DbOrTx, o: { id: string; bericht: string; notitie: string | null; actorId: string; now?: Date }) {
  const [row] = await tx
    .update(terugkoppelingen)
    .set({ doneAt: o.now ?? new Date(), doneBy: o.actorId, bericht: o.bericht, notitie: o.notitie })
    .where(and(eq(terugkoppelingen.id, o.id), isNull(terugkoppelingen.doneAt)))
    .returning();
  if (!row) return undefined;
  await tx.insert(meldingEvents).values({ meldingId: row.meldingId, at: row.doneAt!, type: 'terugkoppeling_gegeven', actorId: o.actorId, data: { moment: row.moment } });
  return row;
}

