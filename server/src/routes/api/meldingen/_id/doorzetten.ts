// The crisis team hands a crisis case on once the acute danger is met: to the MDO or the wachtlijst onderzoek (issue #16).
import { handOnCrisisCase, writeAudit } from '@vt/db';
import { crisisVervolgen } from '@vt/db/domain';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, Text, codeEnum, errors } from '../../../../schemas/common.ts';
import { Melding } from '../../../../schemas/melding.ts';
import { announce, onCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/doorzetten',
    {
      config: { action: 'melding:doorzetten', caseAccess: { from: 'melding', purpose: 'doorzetten' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Hand a crisis case on to the MDO or the wachtlijst onderzoek, with the reason',
        params: IdParams,
        body: Type.Object({ naar: codeEnum(crisisVervolgen), toelichting: Text(2000, { minLength: 3 }) }, { additionalProperties: false }),
        response: { 200: Melding, ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      await onCase(app, req, async (tx, meldingId) => {
        await handOnCrisisCase(tx, { meldingId, naar: req.body.naar, toelichting: req.body.toelichting.trim(), actorId: actor.id! });
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `doorzetten:${req.body.naar}` }));
      });
      await announce(app, ['melding.routed', 'melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );
}
