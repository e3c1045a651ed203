// Destruction requests: made by staff on behalf of a betrokkene, listed for the privacy officer.
import { listDestructionRequests, requestDestruction, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { notFound } from '../../../errors.ts';
import { caseAudit } from '../../../plugins/app/case-access.ts';
import { Id, errors } from '../../../schemas/common.ts';
import { Reden, Verzoek } from '../../../schemas/vernietiging.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.post(
    '',
    {
      config: { action: 'vernietiging:aanvragen', caseAccess: { from: 'body', purpose: 'vernietiging' } },
      schema: {
        tags: ['privacy'],
        summary: 'Request destruction of a case file on behalf of a betrokkene (decided by the privacy officer)',
        body: Type.Object({ meldingId: Id, reden: Reden }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id, status: Type.Literal('aangevraagd') }), ...errors(404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const id = await app.db.db.transaction(async (tx) => {
        const requestId = await requestDestruction(tx, { meldingId: req.body.meldingId, reden: req.body.reden, actorId: actor.id! });
        if (!requestId) return null;
        await writeAudit(tx, actor, caseAudit(req, { action: 'create', subjectType: 'vernietigingsverzoek', purpose: `verzoek:${requestId}` }));
        return requestId;
      });
      if (!id) throw notFound('Melding niet gevonden.');
      return reply.status(201).send({ id, status: 'aangevraagd' as const });
    },
  );

  app.get(
    '',
    {
      config: { action: 'vernietiging:besluiten' },
      schema: {
        tags: ['privacy'],
        summary: 'Destruction requests, open ones first (privacy officer)',
        response: { 200: Type.Object({ items: Type.Array(Verzoek) }) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        const items = await listDestructionRequests(tx);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'vernietigingsverzoek', ip: req.ip });
        return { items };
      });
    },
  );
}
