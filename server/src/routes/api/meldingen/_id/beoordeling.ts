// The beoordeling: a person confirms or overrides the triage proposal.
import { createOverdracht, planTerugkoppeling, schema, writeAudit, type Tx } from '@vt/db';
import { amsterdamDate, bands, routes, type Route } from '@vt/db/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { Type } from 'typebox';
import { badRequest, conflict } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, errors } from '../../../../schemas/common.ts';
import { Melding } from '../../../../schemas/melding.ts';
import { announce, lockCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

const { meldingen, teams, beoordelingen, meldingEvents } = schema;

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

export default async function route(app: App) {
app.post(
    '/beoordeling',
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
        const m = await lockCase(tx, req.case!.meldingId);
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
      await announce(app, ['melding.routed', 'melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );
}
