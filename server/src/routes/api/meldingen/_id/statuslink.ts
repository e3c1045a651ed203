// The melder's status link, for a melder of any kanaal (issue #20): a case worker makes one to read out or send to
// the melder — the token is shown once, in this answer, and only its hash kept — and revokes it when it reached the
// wrong person. A new link replaces the one that worked until now.
import { createStatuslink, revokeStatuslink, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { conflict } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, errors } from '../../../../schemas/common.ts';
import { StatusLink } from '../../../../schemas/publiek.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/statuslink',
    {
      config: { action: 'terugkoppeling:vastleggen', caseAccess: { from: 'melding', purpose: 'statuslink' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Make a status link for the melder (replacing the one that worked until now); the token is shown once',
        params: IdParams,
        response: { 201: StatusLink, ...errors(404) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const c = req.case!;
      const link = await app.db.db.transaction(async (tx) => {
        const l = await createStatuslink(tx, c.meldingId, { actorId: actor.id });
        await writeAudit(tx, actor, caseAudit(req, { action: 'create', purpose: 'statuslink' }));
        return l;
      });
      void reply.header('cache-control', 'no-store');
      return reply.status(201).send({ token: link.token, geldigTot: link.geldigTot.toISOString() });
    },
  );

  app.post(
    '/statuslink/intrekken',
    {
      config: { action: 'terugkoppeling:vastleggen', caseAccess: { from: 'melding', purpose: 'statuslink' } },
      schema: {
        tags: ['levensloop'],
        summary: "Revoke the melder's status link (it stops working at once)",
        params: IdParams,
        response: { 204: Type.Null(), ...errors(404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const done = await app.db.db.transaction(async (tx) => {
        const ok = await revokeStatuslink(tx, req.case!.meldingId, { actorId: actor.id! });
        if (ok) await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'statuslink:ingetrokken' }));
        return ok;
      });
      if (!done) throw conflict('Deze melding heeft geen werkende statuslink.');
      return reply.status(204).send(null);
    },
  );
}
