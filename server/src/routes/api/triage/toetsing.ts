// Overrides and fairness of the triage, for managers (issue #17): override rates per rule, band, team and gemeente,
// and proposed against decided bands by the youngest child's age group, melder type and gemeente, over a chosen
// period; a rule overridden more than the chosen share is flagged for review. Aggregates only.
import { beoordelingenVoorToetsing, writeAudit } from '@vt/db';
import { bands, leeftijdsgroepen, toets } from '@vt/db/domain';
import { Type } from 'typebox';
import { IsoDate, codeEnum, errors } from '../../../schemas/common.ts';
import { periode } from '../../../services/periode.ts';
import type { App } from '../../../types.ts';

const Afwijking = { sleutel: Type.String(), totaal: Type.Integer(), afwijkend: Type.Integer(), aandeel: Type.Number({ minimum: 0, maximum: 1 }) };
const PerBand = Type.Object(Object.fromEntries(bands.map((b) => [b, Type.Integer()])) as Record<(typeof bands)[number], ReturnType<typeof Type.Integer>>);
const Verdeling = Type.Array(Type.Object({ groep: Type.String(), totaal: Type.Integer(), voorgesteld: PerBand, besloten: PerBand }));

export default async function route(app: App) {
  app.get(
    '/toetsing',
    {
      config: { action: 'triage:toetsing' },
      schema: {
        tags: ['triage'],
        summary: 'Override rates per rule, band, team and gemeente, and proposed vs decided bands by group, over the beoordelingen of a period',
        querystring: Type.Object(
          {
            from: IsoDate,
            to: IsoDate,
            /** A rule overridden more than this percentage of the time (and at least 5 times applied) is flagged. */
            drempel: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            from: IsoDate,
            to: IsoDate,
            totaal: Type.Integer(),
            afwijkend: Type.Integer(),
            drempel: Type.Number(),
            perRegel: Type.Array(Type.Object({ ...Afwijking, herzien: Type.Boolean() })),
            perBand: Type.Array(Type.Object(Afwijking)),
            perTeam: Type.Array(Type.Object(Afwijking)),
            perGemeente: Type.Array(Type.Object(Afwijking)),
            verdeling: Type.Object({ leeftijd: Verdeling, melderType: Verdeling, gemeente: Verdeling }),
            leeftijdsgroepen: Type.Array(codeEnum(leeftijdsgroepen)),
          }),
          ...errors(400),
        },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const { from, to } = req.query;
      const p = periode(from, to);
      const rows = await beoordelingenVoorToetsing(app.db.db, p.start, p.end);
      const result = toets(rows, (req.query.drempel ?? 30) / 100);
      await writeAudit(app.db.db, actor, { action: 'search', subjectType: 'triage_toetsing', ip: req.ip, purpose: JSON.stringify(req.query) });
      return { from, to, ...result, leeftijdsgroepen: [...leeftijdsgroepen] };
    },
  );
}
