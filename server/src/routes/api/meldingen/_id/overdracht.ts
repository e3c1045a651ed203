// Handing a case over to a gemeente's wijkteam, or to the professional already involved (route hulpverlening).
import { createOverdracht, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { badRequest } from '../../../../errors.ts';
import { GemeenteCode, Id, IdParams, Text, errors } from '../../../../schemas/common.ts';
import { Hulpverlening } from '../../../../schemas/melding.ts';
import { onCase } from '../../../../services/case.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/overdracht',
    {
      config: { action: 'overdracht:maken', caseAccess: { from: 'melding', purpose: 'overdracht' } },
      schema: {
        tags: ['levensloop'],
        summary: "Hand the case over to a gemeente's wijkteam, or to the professional already involved (409 while one is pending)",
        description: 'Exactly one of `gemeente` (a wijkteam) and `hulpverlening` (the professional already involved; the household\'s gemeente stays the case\'s).',
        params: IdParams,
        body: Type.Object(
          {
            gemeente: Type.Optional(GemeenteCode),
            hulpverlening: Type.Optional(Hulpverlening),
            toelichting: Text(4000, { minLength: 1 }),
            veiligheidsvoorwaarden: Type.Optional(Text(4000)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Id }), ...errors(404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const { gemeente, hulpverlening } = req.body;
      if (!gemeente === !hulpverlening) {
        throw badRequest('Kies een gemeente (wijkteam) of de betrokken hulpverlening, niet allebei.', [{ path: gemeente ? '/hulpverlening' : '/gemeente', message: 'Geef precies één van gemeente en hulpverlening.' }]);
      }
      const id = await onCase(app, req, async (tx, meldingId, m) => {
        const overdrachtId = await createOverdracht(tx, {
          meldingId,
          gemeente: gemeente ?? m.gemeenteCode,
          toelichting: req.body.toelichting,
          veiligheidsvoorwaarden: req.body.veiligheidsvoorwaarden ?? null,
          hulpverlening: hulpverlening ?? null,
          actorId: actor.id,
        });
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'overdracht' }));
        return overdrachtId;
      });
      return reply.status(201).send({ id });
    },
  );
}
