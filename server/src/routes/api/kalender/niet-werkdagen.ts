// The working-day calendar: holidays and the days declared equal to them (Algemene termijnenwet art. 3).
import { addExtraNietWerkdag, listExtraNietWerkdagen, writeAudit } from '@vt/db';
import { DEFAULT_EXTRA_NIET_WERKDAGEN, feestdagen } from '@vt/db/domain';
import { Type } from 'typebox';
import { IsoDate, errors } from '../../../schemas/common.ts';
import { Dag } from '../../../schemas/kalender.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '/niet-werkdagen',
    {
      config: { action: 'referentie:lezen' },
      schema: {
        tags: ['kalender'],
        summary: 'Non-working days of a year besides weekends (Algemene termijnenwet art. 3)',
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Dag) }) },
      },
    },
    async (req) => {
      const jaar = req.query.jaar;
      const extra = await listExtraNietWerkdagen(app.db.db);
      const all = [
        ...feestdagen(jaar).map((f) => ({ datum: f.datum, omschrijving: f.naam, soort: 'feestdag' as const, bron: f.bron })),
        ...[...DEFAULT_EXTRA_NIET_WERKDAGEN, ...extra.map((d) => ({ ...d, besluit: null }))]
          .filter((d) => d.datum.startsWith(`${jaar}-`))
          .map((d) => ({ datum: d.datum, omschrijving: d.omschrijving, soort: 'gelijkgesteld' as const, bron: d.besluit ?? null })),
      ];
      const unique = [...new Map(all.map((d) => [d.datum, d])).values()].sort((a, b) => a.datum.localeCompare(b.datum));
      return { items: unique };
    },
  );

  app.post(
    '/niet-werkdagen',
    {
      config: { action: 'kalender:beheren' },
      schema: {
        tags: ['kalender'],
        summary: 'Add a day the government declared equal to a holiday (beheerder)',
        body: Type.Object({ datum: IsoDate, omschrijving: Type.String({ minLength: 3, maxLength: 200 }) }, { additionalProperties: false }),
        response: { 201: Type.Object({ datum: IsoDate, omschrijving: Type.String() }), ...errors(409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const { datum, omschrijving } = req.body;
      await app.db.db.transaction(async (tx) => {
        await addExtraNietWerkdag(tx, { datum, omschrijving });
        await writeAudit(tx, actor, { action: 'update', subjectType: 'kalender', subjectId: datum, ip: req.ip });
      });
      app.kalender.invalidate();
      return reply.status(201).send({ datum, omschrijving });
    },
  );
}
