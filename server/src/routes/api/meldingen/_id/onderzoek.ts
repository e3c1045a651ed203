// The onderzoek: started (10 weeks) and finished with an outcome per form of violence.
import { finishOnderzoek, startOnderzoekOnCase, writeAudit } from '@vt/db';
import { amsterdamDate, conclusies, geweldsvormen, onderzoekVervolgen } from '@vt/db/domain';
import { Type } from 'typebox';
import { badRequest, notFound } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { GemeenteCode, Id, IdParams, IsoDate, Text, codeEnum, errors } from '../../../../schemas/common.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/onderzoek',
    {
      config: { action: 'onderzoek:uitvoeren', caseAccess: { from: 'melding', purpose: 'onderzoek:start' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Start the onderzoek (from the wachtlijst or directly): due 10 weeks (70 days) after the start',
        params: IdParams,
        body: Type.Optional(Type.Object({ startedAt: Type.Optional(IsoDate) }, { additionalProperties: false })),
        response: { 201: Type.Object({ id: Id, startedAt: IsoDate, dueDate: IsoDate }), ...errors(404, 409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const startedAt = req.body?.startedAt ?? amsterdamDate(new Date());
      const row = await app.db.db.transaction(async (tx) => {
        const o = await startOnderzoekOnCase(tx, req.params.id, startedAt, actor);
        if (!o) return null;
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'onderzoek:start' }));
        return o;
      });
      if (!row) throw notFound('Melding niet gevonden.');
      return reply.status(201).send({ id: row.id, startedAt: row.startedAt!, dueDate: row.dueDate! });
    },
  );

  app.post(
    '/onderzoek/afronden',
    {
      config: { action: 'onderzoek:uitvoeren', caseAccess: { from: 'melding', purpose: 'onderzoek:afronden' } },
      schema: {
        tags: ['levensloop'],
        summary: 'Finish the onderzoek: an outcome per form of violence and the follow-up',
        params: IdParams,
        body: Type.Object(
          {
            uitkomsten: Type.Array(Type.Object({ geweldsvorm: codeEnum(geweldsvormen), conclusie: codeEnum(conclusies) }, { additionalProperties: false }), { minItems: 1, maxItems: 20 }),
            vervolg: codeEnum(onderzoekVervolgen),
            conclusie: Type.Optional(Text(10000, { description: 'The conclusions in words: what was found and what it means for the safety of the household.' })),
            overdracht: Type.Optional(
              Type.Object(
                {
                  gemeente: Type.Optional(GemeenteCode),
                  toelichting: Text(4000, { minLength: 3, description: 'What the wijkteam may know, written for it (never the melder-identifying toelichting).' }),
                  veiligheidsvoorwaarden: Type.Optional(Text(4000)),
                },
                { additionalProperties: false, description: 'With vervolg overdracht: the handover as the worker wrote it.' },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ id: Id, vervolg: Type.String() }), ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        if (req.body.overdracht && req.body.vervolg !== 'overdracht') throw badRequest('Een overdracht hoort alleen bij vervolg overdracht.', [{ path: '/overdracht', message: 'Alleen bij vervolg overdracht.' }]);
        const o = await finishOnderzoek(tx, {
          meldingId: req.params.id,
          uitkomsten: req.body.uitkomsten,
          vervolg: req.body.vervolg,
          conclusie: req.body.conclusie?.trim() || null,
          overdracht: req.body.overdracht ? { ...req.body.overdracht, toelichting: req.body.overdracht.toelichting.trim(), veiligheidsvoorwaarden: req.body.overdracht.veiligheidsvoorwaarden?.trim() || null } : null,
          actorId: actor.id!, today: amsterdamDate(new Date()), kalender: await app.kalender() });
        if (!o) return null;
        await writeAudit(tx, actor, caseAudit(req, { action: 'decide', purpose: `onderzoek:${req.body.vervolg}` }));
        return o;
      });
      if (!row) throw notFound('Melding niet gevonden.');
      return { id: row.id, vervolg: req.body.vervolg };
    },
  );
}
