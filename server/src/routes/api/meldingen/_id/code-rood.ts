// Flagging a case for Code Rood.
import { flagCodeRood, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { Id, IdParams, IsoDate, Text, errors } from '../../../../schemas/common.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/code-rood',
    {
      config: { action: 'melding:coderood', caseAccess: { from: 'melding', purpose: 'code_rood' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Flag the case for Code Rood (regional escalation) with its date',
        params: IdParams,
        body: Type.Object({ datum: IsoDate, toelichting: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id, datum: IsoDate }), ...errors(404) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const r = await flagCodeRood(tx, { meldingId: req.case!.meldingId, datum: req.body.datum, toelichting: req.body.toelichting, actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: 'code_rood' }));
        return r;
      });
      return reply.status(201).send({ id: row.id, datum: row.datum });
    },
  );
}
