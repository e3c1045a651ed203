// V&V: a condition reviewed as kept or not kept.
import { voorwaardeUitkomsten } from '@vt/db/domain';
import { findVoorwaarde, reviewVoorwaarde, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { notFound } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, Text, codeEnum, errors } from '../../../../schemas/common.ts';
import { Voorwaarde } from '../../../../schemas/lifecycle.ts';
import { onCase } from '../../../../services/case.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/beoordeling',
    {
      config: { action: 'vv:voorwaarden', caseAccess: { from: 'voorwaarde', purpose: 'vv_voorwaarde' } },
      schema: {
        tags: ['levensloop'],
        summary: 'V&V: review a condition as kept or not kept; not kept sends the case back to the MDO queue',
        params: IdParams,
        body: Type.Object({ uitkomst: codeEnum(voorwaardeUitkomsten), toelichting: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Voorwaarde, ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const v = await findVoorwaarde(app.db.db, req.params.id);
      if (!v) throw notFound('Voorwaarde niet gevonden.');
      const row = await onCase(app, req, async (tx) => {
        const r = await reviewVoorwaarde(tx, { id: v.id, uitkomst: req.body.uitkomst, toelichting: req.body.toelichting, actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `vv_voorwaarde:${req.body.uitkomst}` }));
        return r;
      });
      return { id: row.id, controleOp: row.controleOp, status: row.status, escalated: row.escalated };
    },
  );
}
