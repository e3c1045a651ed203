// The acute response the crisis team gave on the case: when, what and by whom (domain.md step 2; issue #16).
import { recordAcuteInzet, writeAudit } from '@vt/db';
import { acuteActies } from '@vt/db/domain';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { DateTime, Id, IdParams, Text, codeEnum, errors } from '../../../../schemas/common.ts';
import { Melding } from '../../../../schemas/melding.ts';
import { announce, lockCase, onCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/acute-inzet',
    {
      config: { action: 'melding:acute_inzet', caseAccess: { from: 'melding', purpose: 'acute_inzet' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Record an acute response given: when, what (house visit, safety plan, police …) and by whom',
        params: IdParams,
        body: Type.Object(
          {
            gegevenOp: DateTime,
            acties: Type.Array(codeEnum(acuteActies), { minItems: 1, maxItems: acuteActies.length, uniqueItems: true }),
            uitvoerders: Type.Array(Id, { minItems: 1, maxItems: 4, uniqueItems: true, description: 'The staff who gave it (a duo for a house visit).' }),
            toelichting: Type.Optional(Text(2000)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Melding, ...errors(404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      await onCase(app, req, async (tx, meldingId) => {
        const m = await lockCase(tx, meldingId);
        await recordAcuteInzet(tx, m, {
          gegevenOp: new Date(req.body.gegevenOp),
          acties: req.body.acties,
          uitvoerders: req.body.uitvoerders,
          toelichting: req.body.toelichting?.trim() || null,
          actorId: actor.id!,
        });
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'acute_inzet' }));
      });
      await announce(app, ['melding.updated'], req.params.id);
      return reply.status(201).send(await caseView(app.db.db, req.case!));
    },
  );
}
