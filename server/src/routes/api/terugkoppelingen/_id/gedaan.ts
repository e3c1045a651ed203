// The melder heard the outcome: the message the melder reads on the status page (issue #20), and a note for the file.
import { recordTerugkoppeling, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { badRequest, conflict } from '../../../../errors.ts';
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
        summary: 'Give the melder the outcome (after the beoordeling or the onderzoek): the message shown on the melder’s status page',
        description: 'The message is written for the melder: what Veilig Thuis does next, never details of the household. `notitie` stays in the file only (how the melder was reached).',
        params: IdParams,
        body: Type.Object({ bericht: Text(2000, { minLength: 10 }), notitie: Type.Optional(Text(2000)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id }), ...errors(400, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const bericht = req.body.bericht.trim();
        if (bericht.length < 10) throw badRequest('De invoer klopt niet.', [{ path: '/bericht', message: 'Schrijf de melder een bericht van minstens 10 tekens.' }]);
        const r = await recordTerugkoppeling(tx, { id: req.params.id, bericht, notitie: req.body.notitie?.trim() || null, actorId: actor.id! });
        if (r) await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: `terugkoppeling:${r.moment}` }));
        return r;
      });
      if (!row) throw conflict('Deze terugkoppeling is al vastgelegd.');
      return { id: row.id };
    },
  );
}
