// V&V: a safety condition agreed with the household.
import { addVoorwaarde, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, IsoDate, Text, errors } from '../../../../schemas/common.ts';
import { Voorwaarde } from '../../../../schemas/lifecycle.ts';
import { onCase } from '../../../../services/case.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/voorwaarden',
    {
      config: { action: 'vv:voorwaarden', caseAccess: { from: 'melding', purpose: 'vv_voorwaarde' } },
      schema: {
        tags: ['levensloop'],
        summary: 'V&V: record a safety condition agreed with the household, who watches it and when it is reviewed',
        params: IdParams,
        body: Type.Object(
          { omschrijving: Text(2000, { minLength: 3 }), toezichthouder: Text(200, { minLength: 2 }), controleOp: IsoDate },
          { additionalProperties: false },
        ),
        response: { 201: Voorwaarde, ...errors(404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const row = await onCase(app, req, async (tx, meldingId) => {
        const r = await addVoorwaarde(tx, { meldingId, omschrijving: req.body.omschrijving, toezichthouder: req.body.toezichthouder, controleOp: req.body.controleOp, actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'create', purpose: 'vv_voorwaarde' }));
        return r!;
      });
      return reply.status(201).send({ id: row.id, controleOp: row.controleOp, status: row.status, escalated: false });
    },
  );
}
