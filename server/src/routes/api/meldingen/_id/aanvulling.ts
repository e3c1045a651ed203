// New information on a case; triage runs again.
import { addAanvulling, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, errors } from '../../../../schemas/common.ts';
import { GeweldsvormenList } from '../../../../schemas/advies.ts';
import { Betrokkene, Melding, Veiligheid } from '../../../../schemas/melding.ts';
import { announce, lockCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/aanvulling',
    {
      config: { action: 'melding:aanvullen', caseAccess: { from: 'melding', purpose: 'aanvulling' } },
      schema: {
        tags: ['meldingen'],
        summary: 'Add information; triage runs again and the earlier proposal stays in the history',
        params: IdParams,
        body: Type.Object(
          {
            veiligheid: Type.Optional(Veiligheid),
            toelichting: Type.Optional(Type.String({ minLength: 1, maxLength: 10_000 })),
            betrokkenen: Type.Optional(Type.Array(Betrokkene, { minItems: 1, maxItems: 20 })),
            // Policy v2 reads the specialist forms on re-triage (domain.md, v2 change 6).
            geweldsvormen: Type.Optional(GeweldsvormenList),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Melding, ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      await app.db.db.transaction(async (tx) => {
        await addAanvulling(tx, await lockCase(tx, req.case!.meldingId), req.body, { actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'aanvulling' }));
      });
      await announce(app, ['melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );
}
