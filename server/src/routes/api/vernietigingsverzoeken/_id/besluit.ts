// The privacy officer grants (and carries out) or refuses a destruction request.
import { anonymiseMelding, schema, writeAudit } from '@vt/db';
import { eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { HttpError, notFound } from '../../../../errors.ts';
import { DateTime, Id, IdParams, Nullable, errors } from '../../../../schemas/common.ts';
import { Reden } from '../../../../schemas/vernietiging.ts';
import type { App } from '../../../../types.ts';

const v = schema.vernietigingsverzoeken;

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
        response: { 200: Type.Object({ id: Id, status: Type.String(), executedAt: Nullable(DateTime) }), ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const now = new Date();
      const grant = req.body.besluit === 'toegewezen';
      const result = await app.db.db.transaction(async (tx) => {
        // Only an open request is decided, once: the row lock keeps two decisions from crossing.
        const [r] = await tx.select().from(v).where(eq(v.id, req.params.id)).for('update');
        if (!r) return null;
        if (r.status !== 'aangevraagd') throw new HttpError(409, 'CONFLICT', 'Over dit verzoek is al besloten.');
        await tx
          .update(v)
          .set({ status: req.body.besluit, besluitReden: req.body.reden.trim(), decidedBy: actor.id!, decidedAt: now, ...(grant ? { executedAt: now } : {}) })
          .where(eq(v.id, r.id));
        await writeAudit(tx, actor, { action: 'decide', subjectType: 'vernietigingsverzoek', subjectId: r.meldingId, ip: req.ip, purpose: `${req.body.besluit}:${r.id}` });
        if (grant) {
          await anonymiseMelding(tx, r.meldingId, now);
          await writeAudit(tx, actor, { action: 'update', subjectType: 'melding', subjectId: r.meldingId, ip: req.ip, purpose: `vernietigd:${r.id}` });
        }
        return { id: r.id, status: req.body.besluit, executedAt: grant ? now.toISOString() : null };
      });
      if (!result) throw notFound('Verzoek niet gevonden.');
      return result;
    },
  );
}
