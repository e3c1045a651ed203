// Closing a case with a reason.
import { closeCase, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { can } from '../../../../authz.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, Text, errors } from '../../../../schemas/common.ts';
import { Melding } from '../../../../schemas/melding.ts';
import { onCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/afsluiten',
    {
      config: { action: 'melding:afsluiten', caseAccess: { from: 'melding', purpose: 'afsluiten' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Close the case with a reason',
        params: IdParams,
        body: Type.Object({ reden: Text(2000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Melding, ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      // The crisis team closes its own crisis cases, nobody else's (the others close what their work brings them).
      const crisisOnly = !can(actor, 'melding:afsluiten_alle');
      await onCase(app, req, async (tx, meldingId) => {
        await closeCase(tx, { meldingId, reden: req.body.reden, actorId: actor.id!, crisisOnly });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: 'afsluiten' }));
      });
      return caseView(app.db.db, req.case!);
    },
  );
}
