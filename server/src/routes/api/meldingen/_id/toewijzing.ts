// Assigning a case to a person or a duo (chef van de dag).
import { assignCase, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { Id, IdParams, errors } from '../../../../schemas/common.ts';
import { Melding } from '../../../../schemas/melding.ts';
import { announce, lockCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/toewijzing',
    {
      config: { action: 'melding:toewijzen', caseAccess: { from: 'melding', purpose: 'toewijzing' } },
      schema: {
        tags: ['meldingen'],
        summary: 'Assign the case to a person or a duo (for a huisbezoek) whose work the step is, or take the assignment back',
        params: IdParams,
        body: Type.Object(
          { userIds: Type.Array(Id, { maxItems: 2, uniqueItems: true, description: 'One person, or a duo for a house visit; empty takes the assignment back.' }) },
          { additionalProperties: false },
        ),
        response: { 200: Melding, ...errors(400, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      await app.db.db.transaction(async (tx) => {
        await assignCase(tx, await lockCase(tx, req.case!.meldingId), req.body.userIds, actor.id!);
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'toewijzing' }));
      });
      await announce(app, ['melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );
}
