// An advies turned into a melding.
import { meldingFromAdvies } from '@vt/db';
import { notFound } from '../../../../errors.ts';
import { IdParams, IdempotencyHeaders, errors } from '../../../../schemas/common.ts';
import { MeldingBody, MeldingCreated } from '../../../../schemas/melding.ts';
import { idempotent } from '../../../../services/idempotency.ts';
import { checkMeldingBody } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/melding',
    {
      config: { action: ['melding:create', 'advies:read'], caseAccess: false },
      schema: {
        tags: ['adviezen'],
        summary: 'Turn an advies into a melding',
        params: IdParams,
        headers: IdempotencyHeaders,
        body: MeldingBody,
        response: { 200: MeldingCreated, 201: MeldingCreated, ...errors(404, 409, 422) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const now = new Date();
      await checkMeldingBody(app.db.db, req.body, now);
      const kalender = await app.kalender();
      const outcome = await app.db.db.transaction((tx) =>
        idempotent(req, tx, async () => {
          const m = await meldingFromAdvies(tx, req.params.id, req.body, { actor, kalender, now, ip: req.ip });
          if (!m) throw notFound('Advies niet gevonden.');
          return { statusCode: 201, body: { id: m.id, reference: m.reference, status: m.status, receivedAt: m.receivedAt.toISOString() } };
        }),
      );
      return reply.status(outcome.statusCode).send(outcome.body);
    },
  );
}
