// Opening a case outside one’s own queue, with a reason, for an hour.
import { grantBreakGlass, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { HttpError } from '../../../../errors.ts';
import { DateTime, Id, IdParams, errors } from '../../../../schemas/common.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/break-glass',
    {
      config: { action: 'breakglass:request', caseAccess: { from: 'melding', purpose: 'break_glass', breakGlassRequest: true } },
      schema: {
        tags: ['meldingen'],
        summary: 'Open a case outside your own queue for an hour, with a reason (flagged in the audit trail)',
        params: IdParams,
        body: Type.Object({ reden: Type.String({ minLength: 10, maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Id, expiresAt: DateTime }), ...errors(404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      if (req.case!.own) throw new HttpError(409, 'CONFLICT', 'Deze melding hoort bij uw eigen werkvoorraad; break-glass is niet nodig.');
      const grant = await app.db.db.transaction(async (tx) => {
        const g = await grantBreakGlass(tx, { userId: actor.id!, meldingId: req.case!.meldingId, reden: req.body.reden.trim() });
        await writeAudit(tx, actor, { action: 'break_glass', subjectType: 'melding', subjectId: req.case!.meldingId, ip: req.ip, purpose: 'grant', breakGlassId: g.id });
        return g;
      });
      return reply.status(201).send({ id: grant.id, expiresAt: grant.expiresAt.toISOString() });
    },
  );
}
