// Handing a case over to a gemeente's wijkteam.
import { createOverdracht, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { GemeenteCode, Id, IdParams, Text, errors } from '../../../../schemas/common.ts';
import { onCase } from '../../../../services/case.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/overdracht',
    {
      config: { action: 'overdracht:maken', caseAccess: { from: 'melding', purpose: 'overdracht' } },
      schema: {
        tags: ['levensloop'],
        summary: "Hand the case over to a gemeente's wijkteam (409 while one is pending)",
        params: IdParams,
        body: Type.Object({ gemeente: GemeenteCode, toelichting: Text(4000, { minLength: 1 }), veiligheidsvoorwaarden: Type.Optional(Text(4000)) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id }), ...errors(404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = await onCase(app, req, async (tx, meldingId) => {
        const overdrachtId = await createOverdracht(tx, { meldingId, gemeente: req.body.gemeente, toelichting: req.body.toelichting, veiligheidsvoorwaarden: req.body.veiligheidsvoorwaarden ?? null, actorId: actor.id });
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'overdracht' }));
        return overdrachtId;
      });
      return reply.status(201).send({ id });
    },
  );
}
