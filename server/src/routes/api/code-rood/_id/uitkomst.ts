// The outcome of a Code Rood.
import { recordCodeRoodUitkomst, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { conflict } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { Id, IdParams, IsoDate, Text, errors } from '../../../../schemas/common.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/uitkomst',
    {
      config: { action: 'melding:coderood', caseAccess: { from: 'codeRood', purpose: 'code_rood:uitkomst' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Record the outcome of a Code Rood',
        params: IdParams,
        body: Type.Object({ datum: IsoDate, uitkomst: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id }), ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const r = await recordCodeRoodUitkomst(tx, { id: req.params.id, datum: req.body.datum, uitkomst: req.body.uitkomst, actorId: actor.id! });
        if (r) await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'code_rood:uitkomst' }));
        return r;
      });
      // It exists (the record rule found its case): no row back means its outcome was recorded before.
      if (!row) throw conflict('De uitkomst van deze Code Rood is al vastgelegd.');
      return { id: row.id };
    },
  );
}
