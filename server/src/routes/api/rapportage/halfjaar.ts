// The half-year delivery of Beleidsinformatie Veilig Thuis to CBS (api.md, Dashboard and reporting): the six StatLine
// tables as rows with CBS's labels, for the region or one gemeente; JSON, or CSV with Accept: text/csv.
import { cbsEenheden, cbsTabellen, halfjaar } from '@vt/db';
import { Type } from 'typebox';
import { codeEnum, DateTime, GemeenteCode, IsoDate, Nullable } from '../../../schemas/common.ts';
import { sendCsv, wantsCsv } from '../../../services/csv.ts';
import { gemeenteOf } from '../../../services/dashboard.ts';
import { halfjaarBegonnen } from '../../../services/periode.ts';
import { readLagging } from '../../../services/read.ts';
import type { App } from '../../../types.ts';

export const HalfjaarRij = Type.Object({
  tabel: codeEnum(cbsTabellen),
  dimensie: Type.String({ description: "The table's dimension codes, joined by '/' for a table of two" }),
  categorie: Type.String({ description: "The category codes, one per dimension, joined by '/'" }),
  label: Type.String({ description: "CBS's wording in Dutch, joined by '; ' for a table of two dimensions" }),
  eenheid: codeEnum(cbsEenheden),
  aantal: Type.Integer({ minimum: 0 }),
});

export default async function route(app: App) {
  app.get(
    '/halfjaar',
    {
      config: { action: 'dashboard:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'The half-year delivery to CBS (Beleidsinformatie Veilig Thuis) for the region or a gemeente; Accept: text/csv gives CSV (RFC 4180, UTF-8, one header row)',
        querystring: Type.Object(
          { jaar: Type.Integer({ minimum: 2000, maximum: 2100 }), half: Type.Union([Type.Literal(1), Type.Literal(2)]), gemeente: Type.Optional(GemeenteCode) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            jaar: Type.Integer(),
            half: Type.Integer(),
            van: IsoDate,
            tot: IsoDate,
            gemeente: Nullable(Type.String()),
            peilmoment: { ...DateTime, description: 'The moment the figures stand at: the end of the half-year, or now while it runs' },
            versie: Type.String({ description: 'The version of the CBS mapping the rows were made with' }),
            tabellen: Type.Array(Type.Object({ tabel: codeEnum(cbsTabellen), titel: Type.String(), bron: Type.String() })),
            eenheden: Type.Array(Type.Object({ code: codeEnum(cbsEenheden), label: Type.String() })),
            rijen: Type.Array(HalfjaarRij),
          }),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const csv = wantsCsv(req.headers);
      const { jaar, gemeente } = req.query;
      const half = req.query.half as 1 | 2;
      await gemeenteOf(app, gemeente);
      halfjaarBegonnen(jaar, half, 'er zijn nog geen cijfers');
      const audit = { action: 'export', subjectType: 'rapportage_halfjaar', ip: req.ip, purpose: `${jaar}-H${half}${gemeente ? `:${gemeente}` : ''}${csv ? ':csv' : ''}` } as const;
      const report = await readLagging(app, actor, audit, (tx) => halfjaar(tx, jaar, half, { gemeente: gemeente ?? null, mapping: app.cbsMapping }));
      if (!csv) return { ...report, peilmoment: report.peilmoment.toISOString() };
      return sendCsv(reply, `veilig-thuis-${jaar}-H${half}${gemeente ? `-${gemeente}` : ''}.csv`, ['tabel', 'dimensie', 'categorie', 'label', 'eenheid', 'aantal'], report.rijen);
    },
  );
}
