// Putting a case from the MDO queue on the agenda.
import { addToAgenda, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { notFound } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { Id, IdParams, errors } from '../../../../schemas/common.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/agenda',
    {
      config: { action: 'mdo:beheren', caseAccess: { from: 'body', purpose: 'mdo:agenda' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Put a case from the MDO queue on the agenda',
        params: IdParams,
        body: Type.Object({ meldingId: Id }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id }), ...errors(404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = await app.db.db.transaction(async (tx) => {
        const punt = await addToAgenda(tx, req.params.id, req.body.meldingId, actor.id!);
        if (punt) await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: `mdo:${req.params.id}:agenda` }));
        return punt ?? null;
      });
      if (!id) throw notFound('MDO of melding niet gevonden.');
      return reply.status(201).send({ id });
    },
  );
}
