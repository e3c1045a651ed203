// The wijkteam accepts a handover (monitoring follows) or sends it back with a reason.
import { acceptOverdracht, findOverdracht, returnOverdracht, writeAudit } from '@vt/db';
import { amsterdamDate } from '@vt/db/domain';
import { Type } from 'typebox';
import { notFound } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, Text, errors } from '../../../../schemas/common.ts';
import { Melding } from '../../../../schemas/melding.ts';
import { onCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  for (const [path, accept] of [
    ['/accepteren', true],
    ['/terugsturen', false],
  ] as const) {
    app.post(
      path,
      {
        config: { action: 'overdracht:besluiten', caseAccess: { from: 'overdracht', purpose: accept ? 'accepteren' : 'terugsturen' } },
        schema: {
          tags: ['levensloop'],
          summary: accept ? 'Accept a handover; the monitoring checkpoints are planned from today' : 'Send a handover back with a reason',
          params: IdParams,
          body: accept ? Type.Optional(Type.Object({}, { additionalProperties: false })) : Type.Object({ reden: Text(2000, { minLength: 3 }) }, { additionalProperties: false }),
          response: { 200: Melding, ...errors(404, 409) },
        },
      },
      async (req) => {
        const actor = req.actor!;
        const o = await findOverdracht(app.db.db, req.params.id);
        // Only the wijkteam of the gemeente it was sent to may answer (it may see the case from an earlier handover).
        if (!o || o.gemeenteCode !== req.sessionUser?.gemeente) throw notFound('Overdracht niet gevonden.');
        await onCase(app, req, async (tx) => {
          if (accept) await acceptOverdracht(tx, o.id, actor.id!, amsterdamDate(new Date()));
          else await returnOverdracht(tx, o.id, actor.id!, (req.body as { reden: string }).reden);
          await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `overdracht:${accept ? 'accepteren' : 'terugsturen'}:${o.id}` }));
        });
        return caseView(app.db.db, req.case!);
      },
    );
  }}
