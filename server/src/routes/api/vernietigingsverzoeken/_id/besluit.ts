// The privacy officer grants (and carries out) or refuses a destruction request.
import { decideDestruction, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { notFound } from '../../../../errors.ts';
import { DateTime, Id, IdParams, Nullable, errors } from '../../../../schemas/common.ts';
import { Reden } from '../../../../schemas/vernietiging.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/besluit',
    {
      // The privacy officer decides on a request (its :id); deciding is their work, not a read of the case file.
      config: { action: 'vernietiging:besluiten', caseAccess: false },
      schema: {
        tags: ['privacy'],
        summary: 'Grant (and carry out at once) or refuse a destruction request, with a reason',
        params: IdParams,
        body: Type.Object({ besluit: Type.Union([Type.Literal('toegewezen'), Type.Literal('afgewezen')]), reden: Reden }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id, status: Type.String(), executedAt: Nullable(DateTime) }), ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const now = new Date();
      const result = await app.db.db.transaction(async (tx) => {
        const r = await decideDestruction(tx, { id: req.params.id, besluit: req.body.besluit, reden: req.body.reden, actorId: actor.id!, now });
        if (!r) return null;
        await writeAudit(tx, actor, { action: 'decide', subjectType: 'vernietigingsverzoek', subjectId: r.meldingId, ip: req.ip, purpose: `${req.body.besluit}:${r.id}` });
        if (r.granted) await writeAudit(tx, actor, { action: 'update', subjectType: 'melding', subjectId: r.meldingId, ip: req.ip, purpose: `vernietigd:${r.id}` });
        return { id: r.id, status: req.body.besluit, executedAt: r.granted ? now.toISOString() : null };
      });
      if (!result) throw notFound('Verzoek niet gevonden.');
      return result;
    },
  );
}
