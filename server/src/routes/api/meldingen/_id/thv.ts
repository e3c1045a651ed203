// A tijdelijk huisverbod recorded on the case.
import { imposeThv, writeAudit } from '@vt/db';
import { amsterdamDate, thvEindigtOp } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, IsoDate, errors } from '../../../../schemas/common.ts';
import { Thv } from '../../../../schemas/lifecycle.ts';
import { onCase } from '../../../../services/case.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/thv',
    {
      config: { action: 'melding:thv', caseAccess: { from: 'melding', purpose: 'thv' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Record a tijdelijk huisverbod: 10 days from the day it was imposed',
        params: IdParams,
        body: Type.Object({ opgelegdOp: IsoDate }, { additionalProperties: false }),
        response: { 201: Thv, ...errors(404) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (req.body.opgelegdOp > amsterdamDate(new Date())) throw badRequest('Een huisverbod wordt niet vooruit vastgelegd.', [{ path: '/opgelegdOp', message: 'Mag niet in de toekomst liggen.' }]);
      const row = await onCase(app, req, async (tx, meldingId) => {
        const thv = await imposeThv(tx, meldingId, req.body.opgelegdOp, thvEindigtOp(req.body.opgelegdOp), actor.id!);
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'thv' }));
        return thv;
      });
      return reply.status(201).send({ id: row.id, opgelegdOp: row.opgelegdOp, eindigtOp: row.eindigtOp, verlengdTotEnMet: row.verlengdTotEnMet });
    },
  );
}
