// The wijkteam accepts a handover (monitoring follows) or sends it back with a reason; a handover to the
// professional already involved (route hulpverlening) is answered by a Veilig Thuis case worker on the contact
// person's behalf: `{ namens: "contactpersoon" }` when accepting (api.md, Case lifecycle).
import { acceptOverdracht, findOverdracht, returnOverdracht, writeAudit } from '@vt/db';
import { amsterdamDate } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest, forbidden, notFound } from '../../../../errors.ts';
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
          body: accept
            ? Type.Optional(Type.Object({ namens: Type.Optional(Type.Literal('contactpersoon')) }, { additionalProperties: false }))
            : Type.Object({ reden: Text(2000, { minLength: 3 }) }, { additionalProperties: false }),
          response: { 200: Melding, ...errors(404, 409) },
        },
      },
      async (req) => {
        const actor = req.actor!;
        const o = await findOverdracht(app.db.db, req.params.id);
        const isWijkteam = actor.type === 'user' && actor.roles.includes('wijkteam');
        // Only the wijkteam of the gemeente it was sent to may answer its handover (it may see the case from an earlier
        // one); Veilig Thuis staff answer only a handover to the hulpverlening, on its contact person's behalf.
        if (!o || (isWijkteam && (o.hulpverlening !== null || o.gemeenteCode !== req.sessionUser?.gemeente))) throw notFound('Overdracht niet gevonden.');
        if (!isWijkteam && o.hulpverlening === null) throw forbidden('Alleen het wijkteam van de gemeente beantwoordt deze overdracht.');
        const namens = accept ? ((req.body as { namens?: 'contactpersoon' } | undefined)?.namens ?? null) : null;
        if (accept && !isWijkteam && namens !== 'contactpersoon') {
          throw badRequest('Leg vast namens wie u de overdracht accepteert.', [{ path: '/namens', message: 'Kies "contactpersoon": u legt de acceptatie vast namens de betrokken hulpverlening.' }]);
        }
        if (accept && isWijkteam && namens) throw badRequest('Een wijkteam accepteert zijn eigen overdracht.', [{ path: '/namens', message: 'Laat weg.' }]);
        await onCase(app, req, async (tx) => {
          if (accept) await acceptOverdracht(tx, o.id, actor.id!, amsterdamDate(new Date()), undefined, namens);
          else await returnOverdracht(tx, o.id, actor.id!, (req.body as { reden: string }).reden);
          await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `overdracht:${accept ? 'accepteren' : 'terugsturen'}:${o.id}` }));
        });
        return caseView(app.db.db, req.case!);
      },
    );
  }}
