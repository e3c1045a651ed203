// The human decisions on a melding: the beoordeling (confirm or override the triage proposal), an aanvulling
// (new information, triage runs again) and assigning a person or duo.
import { and, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { addToOutbox, createOverdracht, persoonIndexOf, planTerugkoppeling, schema, writeAudit, type Tx } from '@vt/db';
import { amsterdamDate, bands, routes, type Route } from '@vt/db/domain';
import { publishEvents, type LiveEventType } from '@vt/workers';
import { badRequest, conflict } from '../errors.ts';
import { Id, IdParams, errors } from '../schemas/common.ts';
import { Betrokkene, Melding, Veiligheid } from '../schemas/melding.ts';
import { caseAudit } from '../plugins/app/case-access.ts';
import { caseView } from '../services/meldingen.ts';
import type { App } from '../types.ts';

const { meldingen, teams, beoordelingen, betrokkenen, meldingEvents, users } = schema;

/** The status a melding takes after its beoordeling (api.md, Statuses). */
const statusForRoute = { crisisteam: 'crisis', mdo: 'mdo', wijkteam: 'overdracht', afsluiten: 'afgesloten' } as const;

async function teamForRoute(tx: Tx, route: Route, gemeente: string, current: string | null): Promise<string | null> {
  if (route === 'afsluiten') return current;
  const kind = route === 'wijkteam' ? 'wijkteam' : route;
  const [team] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(route === 'wijkteam' ? and(eq(teams.kind, 'wijkteam'), eq(teams.gemeenteCode, gemeente)) : and(eq(teams.kind, kind), isNull(teams.gemeenteCode)));
  return team?.id ?? current;
}

export default async function beoordelingRoutes(app: App) {
  /** The request's case row, locked for update (the record rule let the request through: plugins/app/case-access.ts). */
  async function lockCase(tx: Tx, req: Parameters<App['authorize']>[0]) {
    const [m] = await tx.select().from(meldingen).where(eq(meldingen.id, req.case!.meldingId)).for('update');
    return m!;
  }

  async function announce(types: LiveEventType[], id: string) {
    const [m] = await app.db.db
      .select({ reference: meldingen.reference, band: meldingen.band, route: meldingen.route, team: teams.kind, gemeente: meldingen.gemeenteCode })
      .from(meldingen)
      .leftJoin(teams, eq(teams.id, meldingen.teamId))
      .where(eq(meldingen.id, id));
    if (!m) return;
    // An event lost while Redis is down only delays a screen refresh; the decision itself is committed.
    await publishEvents(app.redis, app.eventsChannel, types.map((type) => ({ type, id, reference: m.reference, band: m.band, route: m.route, team: m.team, gemeente: m.gemeente }))).catch(() => {});
  }

  app.post(
    '/meldingen/:id/beoordeling',
    {
      config: { action: 'melding:beoordelen', caseAccess: { from: 'melding', purpose: 'beoordeling' } },
      schema: {
        tags: ['meldingen'],
        summary: 'Confirm or override the triage proposal (a reason is required when it differs)',
        params: IdParams,
        body: Type.Object(
          { route: Type.Unsafe<Route>({ type: 'string', enum: [...routes] }), band: Type.Optional(Type.Unsafe<(typeof bands)[number]>({ type: 'string', enum: [...bands] })), reason: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: Melding, ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const { route } = req.body;
      const reason = req.body.reason?.trim() || null;
      await app.db.db.transaction(async (tx) => {
        const m = await lockCase(tx, req);
        if (m.status !== 'ontvangen' && m.status !== 'triage_voorgesteld') throw conflict('Deze melding is al beoordeeld.');
        const band = req.body.band ?? m.band;
        if (!band) throw badRequest('Kies een band: er is nog geen triagevoorstel.', [{ path: '/band', message: 'Verplicht zolang er geen voorstel is.' }]);
        const override = m.route === null || route !== m.route || band !== m.band;
        if (override && !reason) {
          throw badRequest('Een afwijking van het voorstel heeft een reden nodig.', [{ path: '/reason', message: 'Geef de reden waarom u afwijkt van het voorstel.' }]);
        }
        const decider = req.sessionUser;
        const [voorstel] = await tx
          .select({ id: schema.triageVoorstellen.id })
          .from(schema.triageVoorstellen)
          .where(and(eq(schema.triageVoorstellen.meldingId, m.id), eq(schema.triageVoorstellen.run, m.triageRun)));
        await tx.insert(beoordelingen).values({
          meldingId: m.id,
          voorstelId: voorstel?.id ?? null,
          proposedRoute: m.route,
          proposedBand: m.band,
          proposedRouteRule: m.routeRule,
          rulesVersion: m.rulesVersion,
          route,
          band,
          override,
          reason,
          decidedBy: actor.id!,
          teamId: decider?.teamId ?? null,
        });
        const teamId = await teamForRoute(tx, route, m.gemeenteCode, m.teamId);
        await tx.update(meldingen).set({ status: statusForRoute[route], teamId, clockDueAt: null, updatedAt: new Date() }).where(eq(meldingen.id, m.id));
        await tx.insert(meldingEvents).values({
          meldingId: m.id,
          type: 'beoordeeld',
          actorId: actor.id,
          data: { route, band, override, ...(reason ? { reason } : {}), proposedRoute: m.route, proposedBand: m.band, rulesVersion: m.rulesVersion },
        });
        // Confirming route wijkteam sends the overdracht to the household's gemeente at once (api.md, lifecycle).
        if (route === 'wijkteam') {
          await createOverdracht(tx, { meldingId: m.id, gemeente: m.gemeenteCode, toelichting: reason ?? '', actorId: actor.id });
        }
        if (route === 'afsluiten') await tx.insert(meldingEvents).values({ meldingId: m.id, type: 'afgesloten', actorId: actor.id, data: { via: 'beoordeling' } });
        // The melder hears the outcome of the beoordeling (domain.md step 5): a task due in 5 working days.
        await planTerugkoppeling(tx, m.id, 'na_beoordeling', amsterdamDate(new Date()), await app.kalender());
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: override ? 'beoordeling (afwijkend)' : 'beoordeling' }));
      });
      await announce(['melding.routed', 'melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );

  app.post(
    '/meldingen/:id/aanvulling',
    {
      config: { action: 'melding:aanvullen', caseAccess: { from: 'melding', purpose: 'aanvulling' } },
      schema: {
        tags: ['meldingen'],
        summary: 'Add information; triage runs again and the earlier proposal stays in the history',
        params: IdParams,
        body: Type.Object(
          { veiligheid: Type.Optional(Veiligheid), toelichting: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })), betrokkenen: Type.Optional(Type.Array(Betrokkene, { minItems: 1, maxItems: 20 })) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Melding, ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const body = req.body;
      await app.db.db.transaction(async (tx) => {
        const m = await lockCase(tx, req);
        if (m.status === 'afgesloten') throw conflict('Deze melding is afgesloten; heropen haar eerst.');
        const now = new Date();
        const run = m.triageRequested + 1;
        const stamp = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'short' }).format(now);
        await tx
          .update(meldingen)
          .set({
            veiligheid: { ...m.veiligheid, ...Object.fromEntries(Object.entries(body.veiligheid ?? {}).filter(([, v]) => v === true)) },
            toelichting: body.toelichting ? `${m.toelichting}${m.toelichting ? '\n\n' : ''}[Aanvulling ${stamp}] ${body.toelichting}` : m.toelichting,
            triageRequested: run,
            updatedAt: now,
          })
          .where(eq(meldingen.id, m.id));
        if (body.betrokkenen?.length) {
          const [row] = await tx.select({ last: max(betrokkenen.volgorde) }).from(betrokkenen).where(eq(betrokkenen.meldingId, m.id));
          const start = (row?.last ?? -1) + 1;
          await tx.insert(betrokkenen).values(
            body.betrokkenen.map((b, i) => ({ meldingId: m.id, volgorde: start + i, rol: b.rol, voornaam: b.voornaam, achternaam: b.achternaam, geboortedatum: b.geboortedatum ?? null, persoonIndex: persoonIndexOf(b) })),
          );
        }
        await tx.insert(meldingEvents).values({ meldingId: m.id, at: now, type: 'aanvulling', actorId: actor.id, data: { velden: Object.keys(body), run } });
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'aanvulling' }));
        await addToOutbox(tx, 'melding.aangevuld', m.id, { meldingId: m.id, run });
      });
      await announce(['melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );

  app.post(
    '/meldingen/:id/toewijzing',
    {
      config: { action: 'melding:toewijzen', caseAccess: { from: 'melding', purpose: 'toewijzing' } },
      schema: {
        tags: ['meldingen'],
        summary: 'Assign the case to a person or a duo (for a huisbezoek)',
        params: IdParams,
        body: Type.Object({ userIds: Type.Array(Id, { minItems: 1, maxItems: 2, uniqueItems: true }) }, { additionalProperties: false }),
        response: { 200: Melding, ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      await app.db.db.transaction(async (tx) => {
        const m = await lockCase(tx, req);
        if (m.status === 'afgesloten') throw conflict('Deze melding is afgesloten.');
        const found = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, req.body.userIds), isNull(users.disabledAt), sql`not ('wijkteam' = any(${users.roles}))`));
        if (found.length !== req.body.userIds.length) throw badRequest('Onbekende of niet-actieve medewerker.', [{ path: '/userIds', message: 'Kies actieve medewerkers van Veilig Thuis.' }]);
        await tx.update(meldingen).set({ assignedTo: req.body.userIds, updatedAt: new Date() }).where(eq(meldingen.id, m.id));
        await tx.insert(meldingEvents).values({ meldingId: m.id, type: 'toegewezen', actorId: actor.id, data: { userIds: req.body.userIds } });
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'toewijzing' }));
      });
      await announce(['melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );
}
