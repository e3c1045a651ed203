// The melder heard the outcome.
import { recordTerugkoppeling, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { conflict } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { Id, IdParams, Text, errors } from '../../../../schemas/common.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/gedaan',
    {
      config: { action: 'terugkoppeling:vastleggen', caseAccess: { from: 'terugkoppeling', purpose: 'terugkoppeling' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Record that the melder heard the outcome (after the beoordeling or the onderzoek)',
        params: IdParams,
        body: Type.Optional(Type.Object({ notitie: Type.Optional(Text(2000)) }, { additionalProperties: false })),
        response: { 200: Type.Object({ id: Id }), ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const r = await recordTerugkoppeling(tx, { id: req.params.id, notitie: req.body?.notitie?.trim() || null, actorId: actor.id! });
        if (r) await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: `terugkoppeling:${r.moment}` }));
        return r;
      });
      if (!row) throw conflict('Deze terugkoppeling is al vastgelegd.');
      return { id: row.id };
    },
  );
}
