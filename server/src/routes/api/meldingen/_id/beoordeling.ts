// The beoordeling: a person confirms or overrides the triage proposal.
import { decideBeoordeling, writeAudit } from '@vt/db';
import { amsterdamDate, bands, routes, type Route } from '@vt/db/domain';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { badRequest } from '../../../../errors.ts';
import { IdParams, Text, errors } from '../../../../schemas/common.ts';
import { Hulpverlening, Melding } from '../../../../schemas/melding.ts';
import { announce, lockCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

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
          {
            route: Type.Unsafe<Route>({ type: 'string', enum: [...routes] }),
            band: Type.Optional(Type.Unsafe<(typeof bands)[number]>({ type: 'string', enum: [...bands] })),
            reason: Type.Optional(Type.String({ maxLength: 2000 })),
            overdracht: Type.Optional(
              Type.Object(
                { toelichting: Text(4000, { minLength: 3 }), veiligheidsvoorwaarden: Type.Optional(Text(4000)) },
                {
                  additionalProperties: false,
                  description:
                    'Route wijkteam or hulpverlening: the handover as written for whoever receives it (what it may know; never the melder-identifying toelichting). Without it the handover says only what the case codes say.',
                },
              ),
            ),
            hulpverlening: Type.Optional({
              ...Hulpverlening,
              description: 'Route hulpverlening: the professional already involved; the handover to it is created at once. Without it the case waits in the beoordeling queue until POST /overdracht records it.',
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Melding, ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const kalender = await app.kalender();
      const handsOver = req.body.route === 'wijkteam' || req.body.route === 'hulpverlening';
      if (req.body.overdracht && !handsOver) {
        throw badRequest('Een overdrachtstekst hoort alleen bij de route wijkteam of hulpverlening.', [{ path: '/overdracht', message: 'Alleen bij de route wijkteam of hulpverlening.' }]);
      }
      if (req.body.hulpverlening && req.body.route !== 'hulpverlening') {
        throw badRequest('De betrokken hulpverlening hoort alleen bij de route hulpverlening.', [{ path: '/hulpverlening', message: 'Alleen bij de route hulpverlening.' }]);
      }
      const h = req.body.hulpverlening;
      await app.db.db.transaction(async (tx) => {
        const m = await lockCase(tx, req.case!.meldingId);
        const { override } = await decideBeoordeling(tx, m, {
          route: req.body.route,
          band: req.body.band,
          reason: req.body.reason?.trim() || null,
          hulpverlening: h ? { organisatie: h.organisatie.trim(), contactpersoon: h.contactpersoon.trim(), telefoon: h.telefoon, email: h.email } : null,
          overdracht: req.body.overdracht ? { toelichting: req.body.overdracht.toelichting.trim(), veiligheidsvoorwaarden: req.body.overdracht.veiligheidsvoorwaarden?.trim() || null } : null,
          actorId: actor.id!,
          deciderTeamId: req.sessionUser?.teamId ?? null,
          today: amsterdamDate(new Date()),
          kalender,
        });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: override ? 'beoordeling (afwijkend)' : 'beoordeling' }));
      });
      await announce(app, ['melding.routed', 'melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );
}
