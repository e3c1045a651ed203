// A monitoring checkpoint recorded as safe or not safe.
import { monitoringUitkomsten } from '@vt/db/domain';
import { findCheckpoint, recordCheckpoint, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { notFound } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { Id, IdParams, Text, codeEnum, errors } from '../../../../schemas/common.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '',
    {
      config: { action: 'monitoring:vastleggen', caseAccess: { from: 'checkpoint', purpose: 'monitoring' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Record a monitoring checkpoint as safe or not safe; not safe sends the case back to the beoordeling queue',
        params: IdParams,
        body: Type.Object({ uitkomst: codeEnum(monitoringUitkomsten), toelichting: Text(4000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id, uitkomst: Type.String(), escalated: Type.Boolean() }), ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const r = await app.db.db.transaction(async (tx) => {
        const c = await findCheckpoint(tx, req.params.id);
        if (!c) return null;
        const done = await recordCheckpoint(tx, { id: c.id, uitkomst: req.body.uitkomst, toelichting: req.body.toelichting, actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `monitoring:${req.body.uitkomst}` }));
        return done;
      });
      if (!r) throw notFound('Monitoringsmoment niet gevonden.');
      return { id: r.id, uitkomst: req.body.uitkomst, escalated: r.escalated };
    },
  );
}
