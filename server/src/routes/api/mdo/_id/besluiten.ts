// The MDO's decision on a case on its agenda.
import { decideAgendapunt, writeAudit } from '@vt/db';
import { amsterdamDate } from '@vt/db/domain';
import { Type } from 'typebox';
import { notFound } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { Id, IdParams, Text, errors } from '../../../../schemas/common.ts';
import { Besluit } from '../../../../schemas/mdo.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/besluiten',
    {
      config: { action: 'mdo:beheren', caseAccess: { from: 'body', purpose: 'mdo:besluit' } },
      schema: {
        tags: ['levensloop'],
        summary: "The MDO's decision on a case on its agenda, with reason and owner; what follows starts at once",
        params: IdParams,
        body: Type.Object({ meldingId: Id, besluit: Besluit, toelichting: Text(4000, { minLength: 3 }), eigenaar: Type.Optional(Id) }, { additionalProperties: false }),
        response: { 200: Type.Object({ meldingId: Id, besluit: Besluit }), ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const done = await app.db.db.transaction(async (tx) => {
        const decided = await decideAgendapunt(tx, { mdoId: req.params.id, meldingId: req.body.meldingId, besluit: req.body.besluit, toelichting: req.body.toelichting, eigenaar: req.body.eigenaar ?? null, actorId: actor.id!, today: amsterdamDate(new Date()) });
        if (!decided) return false;
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `mdo:${req.params.id}:${req.body.besluit}` }));
        return true;
      });
      if (!done) throw notFound('Melding niet gevonden.');
      return { meldingId: req.body.meldingId, besluit: req.body.besluit };
    },
  );
}
