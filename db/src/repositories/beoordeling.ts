// The human decisions on a melding (api.md, Meldingen): the beoordeling (a person confirms or overrides the triage
// proposal), an aanvulling (new information; triage runs again) and assigning a person or duo. Each is one function
// that does the whole step in the caller's transaction; the route only checks who may and calls it.
import { and, eq, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import type { WerkdagKalender } from '../domain/calendar.ts';
import type { Band, BetrokkeneRol, Geweldsvorm, Route, Veiligheid } from '../domain/codes.ts';
import { mayTakeCase, statusForRoute, teamKindForRoute } from '../domain/routing.ts';
import { beoordelingen, betrokkenen, meldingen, meldingEvents, triageVoorstellen, type Melding } from '../schema/index.ts';
import { planTerugkoppeling } from './follow-up.ts';
import { InputRefused, LifecycleConflict, createOverdracht, move, teamId, type Hulpverlening } from './lifecycle.ts';
import { persoonIndexOf } from './meldingen.ts';
import { addToOutbox } from './outbox.ts';
import { activeStaffAmong } from './users.ts';

/**
 * Records the beoordeling of a melding not yet assessed and moves it on: to its route's status and team, with the
 * handover to the household's gemeente at once for route wijkteam, and the melder's feedback planned. A band or
 * route that differs from the proposal needs a reason. Returns whether it differed.
 */
export async function decideBeoordeling(
  tx: DbOrTx,
  m: Melding,
  d: {
    route: Route;
    band?: Band | undefined;
    reason: string | null;
    /** Route wijkteam or hulpverlening: the handover as written for whoever receives it. */
    overdracht?: { toelichting: string; veiligheidsvoorwaarden: string | null } | null;
    /** Route hulpverlening: the professional already involved; without it the handover is recorded later. */
    hulpverlening?: Hulpverlening | null;
    actorId: string;
    deciderTeamId: string | null;
    today: string;
    kalender: WerkdagKalender;
  },
): Promise<{ override: boolean }> {
  if (m.status !== 'ontvangen' && m.status !== 'triage_voorgesteld') throw new LifecycleConflict('Deze melding is al beoordeeld.');
  const band = d.band ?? m.band;
  if (!band) throw new InputRefused('Kies een band: er is nog geen triagevoorstel.', [{ path: '/band', message: 'Verplicht zolang er geen voorstel is.' }]);
  const override = m.route === null || d.route !== m.route || band !== m.band;
  if (override && !d.reason) throw new InputRefused('Een afwijking van het voorstel heeft een reden nodig.', [{ path: '/reason', message: 'Geef de reden waarom u afwijkt van het voorstel.' }]);
  const [voorstel] = await tx
    .select({ id: triageVoorstellen.id })
    .from(triageVoorstellen)
    .where(and(eq(triageVoorstellen.meldingId, m.id), eq(triageVoorstellen.run, m.triageRun)));
  await tx.insert(beoordelingen).values({
    meldingId: m.id,
    voorstelId: voorstel?.id ?? null,
    proposedRoute: m.route,
    proposedBand: m.band,
    proposedRouteRule: m.routeRule,
    rulesVersion: m.rulesVersion,
    route: d.route,
    band,
    override,
    reason: d.reason,
    decidedBy: d.actorId,
    teamId: d.deciderTeamId,
  });
  // From now on the case runs on the decision: every list, its order, the live events and the handover show the
  // decided band and route; the proposal stays in triage_voorstellen and on this beoordeling (proposed_*).
  // The veiligheidstaxatie as CBS counts it (84852NED) is the first beoordeling's: acute when it sent the crisis team.
  await tx
    .update(meldingen)
    .set({ band, route: d.route, vbTaxatie: sql`coalesce(${meldingen.vbTaxatie}, ${d.route === 'crisisteam' ? 'acuut' : 'niet_acuut'}::urgency)` })
    .where(eq(meldingen.id, m.id));
  const kind = teamKindForRoute[d.route];
  await move(tx, m.id, statusForRoute[d.route], kind ? await teamId(tx, kind, m.gemeenteCode) : null);
  await tx.insert(meldingEvents).values({
    meldingId: m.id,
    type: 'beoordeeld',
    actorId: d.actorId,
    data: { route: d.route, band, override, ...(d.reason ? { reason: d.reason } : {}), proposedRoute: m.route, proposedBand: m.band, rulesVersion: m.rulesVersion },
  });
  // Confirming route wijkteam sends the overdracht to the household's gemeente at once (api.md, lifecycle).
  // The wijkteam reads what was written for it; never the melding's own toelichting (it may name the melder), nor the
  // reason for an override (written for colleagues). Without a text, only what the codes of the case say.
  // Route hulpverlening does the same towards the professional already involved when it is named; otherwise the case
  // waits in the beoordeling team's queue (status overdracht, no handover yet) until the handover is recorded.
  if (d.route === 'wijkteam' || (d.route === 'hulpverlening' && d.hulpverlening)) {
    await createOverdracht(tx, {
      meldingId: m.id,
      gemeente: m.gemeenteCode,
      toelichting: d.overdracht?.toelichting ?? overdrachtUitCodes(m.geweldsvormen, band),
      veiligheidsvoorwaarden: d.overdracht?.veiligheidsvoorwaarden ?? null,
      hulpverlening: d.route === 'hulpverlening' ? d.hulpverlening : null,
      actorId: d.actorId,
    });
  }
  if (d.route === 'afsluiten') await tx.insert(meldingEvents).values({ meldingId: m.id, type: 'afgesloten', actorId: d.actorId, data: { via: 'beoordeling' } });
  // The melder hears the outcome of the beoordeling (domain.md step 5): a task due in 5 working days.
  await planTerugkoppeling(tx, m.id, 'na_beoordeling', d.today, d.kalender);
  return { override };
}

/** A handover text from the case's codes only (no free text of the melding): what it is about and how urgent. */
export function overdrachtUitCodes(geweldsvormen: readonly string[], band: Band): string {
  const vormen = geweldsvormen.map((g) => g.replaceAll('_', ' '));
  return `Overdracht na de veiligheidsbeoordeling (${band})${vormen.length ? `, over: ${vormen.join(', ')}` : ''}. Neem voor de inhoud contact op met Veilig Thuis.`;
}

export interface Aanvulling {
  veiligheid?: Veiligheid;
  toelichting?: string;
  betrokkenen?: { rol: BetrokkeneRol; voornaam: string; achternaam: string; geboortedatum?: string }[];
  /** Forms of violence that came to light (policy v2 reads the specialist ones on re-triage); none is taken back. */
  geweldsvormen?: Geweldsvorm[];
}

/**
 * New information on an open case: indicators and forms of violence that now hold are added (none is taken back), the text is appended
 * with its time, persons are added; a new triage run is asked for through the outbox. The earlier proposal stays.
 */
export async function addAanvulling(tx: DbOrTx, m: Melding, a: Aanvulling, o: { actorId: string; now?: Date }) {
  if (m.status === 'afgesloten') throw new LifecycleConflict('Deze melding is afgesloten; heropen haar eerst.');
  const now = o.now ?? new Date();
  const run = m.triageRequested + 1;
  const stamp = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(now);
  await tx
    .update(meldingen)
    .set({
      veiligheid: { ...m.veiligheid, ...Object.fromEntries(Object.entries(a.veiligheid ?? {}).filter(([, v]) => v === true)) },
      geweldsvormen: [...new Set([...m.geweldsvormen, ...(a.geweldsvormen ?? [])])],
      toelichting: a.toelichting ? `${m.toelichting}${m.toelichting ? '\n\n' : ''}[Aanvulling ${stamp}] ${a.toelichting}` : m.toelichting,
      triageRequested: run,
      updatedAt: now,
    })
    .where(eq(meldingen.id, m.id));
  if (a.betrokkenen?.length) {
    const [row] = await tx.select({ last: max(betrokkenen.volgorde) }).from(betrokkenen).where(eq(betrokkenen.meldingId, m.id));
    const start = (row?.last ?? -1) + 1;
    await tx.insert(betrokkenen).values(
      a.betrokkenen.map((b, i) => ({ meldingId: m.id, volgorde: start + i, rol: b.rol, voornaam: b.voornaam, achternaam: b.achternaam, geboortedatum: b.geboortedatum ?? null, persoonIndex: persoonIndexOf(b) })),
    );
  }
  await tx.insert(meldingEvents).values({ meldingId: m.id, at: now, type: 'aanvulling', actorId: o.actorId, data: { velden: Object.keys(a), run } });
  await addToOutbox(tx, 'melding.aangevuld', m.id, { meldingId: m.id, run });
}

/** Assigns an open case to a person or a duo of active Veilig Thuis staff (not a wijkteam). */
export async function assignCase(tx: DbOrTx, m: Melding, userIds: string[], actorId: string) {
  if (m.status === 'afgesloten') throw new LifecycleConflict('Deze melding is afgesloten.');
  // Only active Veilig Thuis staff whose work this step is (domain/routing.ts, takersByStatus); an empty list takes
  // the assignment back (the chef's "ongedaan maken" of an assignment to nobody before).
  const found = await activeStaffAmong(tx, userIds);
  if (found.length !== userIds.length) throw new InputRefused('Onbekende of niet-actieve medewerker.', [{ path: '/userIds', message: 'Kies actieve medewerkers van Veilig Thuis.' }]);
  const refused = found.filter((u) => !mayTakeCase(u.roles, m.status, m.urgency === 'acuut'));
  if (refused.length) {
    const names = refused.map((u) => u.naam).join(' en ');
    throw new InputRefused(`${names} kan deze zaak in deze stap niet aannemen.`, [{ path: '/userIds', message: 'Kies medewerkers met een rol voor deze stap.' }]);
  }
  await tx.update(meldingen).set({ assignedTo: userIds, updatedAt: new Date() }).where(eq(meldingen.id, m.id));
  await tx.insert(meldingEvents).values({ meldingId: m.id, type: 'toegewezen', actorId, data: { userIds, vorige: m.assignedTo } });
}
