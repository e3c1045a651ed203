// Extending a huisverbod, to at most 28 days after it was imposed.
import { extendThv, findThv, writeAudit } from '@vt/db';
import { thvLaatsteVerlenging } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest, notFound, unprocessable } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, IsoDate, errors } from '../../../../schemas/common.ts';
import { Thv } from '../../../../schemas/lifecycle.ts';
import { onCase } from '../../../../services/case.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/verlengen',
    {
      config: { action: 'melding:thv', caseAccess: { from: 'thv', purpose: 'thv verlengen' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Extend a huisverbod, to at most 28 days after it was imposed (422 beyond)',
        params: IdParams,
        body: Type.Object({ totEnMet: IsoDate }, { additionalProperties: false }),
        response: { 200: Thv, ...errors(404, 422) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const thv = await findThv(app.db.db, req.params.id);
      if (!thv) throw notFound('Huisverbod niet gevonden.');
      const { totEnMet } = req.body;
      if (totEnMet > thvLaatsteVerlenging(thv.opgelegdOp)) {
        throw unprocessable(`Een huisverbod duurt ten hoogste 28 dagen: uiterlijk tot en met ${thvLaatsteVerlenging(thv.opgelegdOp)}.`, [{ path: '/totEnMet', message: 'Meer dan 28 dagen na het opleggen.' }]);
      }
      if (totEnMet <= thv.eindigtOp) throw badRequest('Een verlenging ligt na het einde van het huisverbod.', [{ path: '/totEnMet', message: `Moet na ${thv.eindigtOp} liggen.` }]);
      const row = await onCase(app, req, async (tx) => {
        const r = await extendThv(tx, thv.id, totEnMet, actor.id!);
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'thv verlengen' }));
        return r!;
      });
      return { id: row.id, opgelegdOp: row.opgelegdOp, eindigtOp: row.eindigtOp, verlengdTotEnMet: row.verlengdTotEnMet };
    },
  );
}
