// The beoordeling: a person confirms or overrides the triage proposal.
import { decideBeoordeling, writeAudit } from '@vt/db';
import { amsterdamDate, bands, routes, type Route } from '@vt/db/domain';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { badRequest } from '../../../../errors.ts';
import { IdParams, Text, errors } from '../../../../schemas/common.ts';
import { Melding } from '../../../../schemas/melding.ts';
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
                    'Route wijkteam: the handover as written for the wijkteam (what it may know; never the melder-identifying toelichting). Without it the handover says only what the case codes say.',
                },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Melding, ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const kalender = await app.kalender();
      if (req.body.overdracht && req.body.route !== 'wijkteam') throw badRequest('Een overdrachtstekst hoort alleen bij de route wijkteam.', [{ path: '/overdracht', message: 'Alleen bij de route wijkteam.' }]);
      await app.db.db.transaction(async (tx) => {
        const m = await lockCase(tx, req.case!.meldingId);
        const { override } = await decideBeoordeling(tx, m, {
          route: req.body.route,
          band: req.body.band,
          reason: req.body.reason?.trim() || null,
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
