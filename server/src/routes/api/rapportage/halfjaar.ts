// The half-year figures for CBS (JSON, or CSV with Accept: text/csv).
import { halfjaar, writeAudit } from '@vt/db';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { IsoDate, errors } from '../../../schemas/common.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '/halfjaar',
    {
      config: { action: 'dashboard:read' },
      schema: {
        tags: ['dashboard'],
        summary: 'The CBS-style half-year figures; Accept: text/csv gives CSV (comma-separated, UTF-8, one header row)',
        querystring: Type.Object({ jaar: Type.Integer({ minimum: 2000, maximum: 2100 }), half: Type.Union([Type.Literal(1), Type.Literal(2)]) }, { additionalProperties: false }),
        response: {
          200: Type.Object({ jaar: Type.Integer(), half: Type.Integer(), van: IsoDate, tot: IsoDate, rijen: Type.Array(Type.Object({ categorie: Type.String(), code: Type.String(), aantal: Type.Integer() })) }),
          ...errors(400, 401, 403, 503),
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const csv = (req.headers.accept ?? '').includes('text/csv');
      const report = await app.db.db.transaction(async (tx) => {
        const r = await halfjaar(tx, req.query.jaar, req.query.half as 1 | 2);
        await writeAudit(tx, actor, { action: 'export', subjectType: 'rapportage_halfjaar', ip: req.ip, purpose: `${req.query.jaar}-H${req.query.half}${csv ? ':csv' : ''}` });
        return r;
      });
      if (!csv) return report;
      // RFC 4180: CRLF line ends, fields quoted where they must be (csv-stringify).
      const body = stringify(report.rijen, { header: true, columns: ['categorie', 'code', 'aantal'], record_delimiter: 'windows' });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="veilig-thuis-${report.jaar}-H${report.half}.csv"`)
        .serializer((x: unknown) => x as string)
        .send(body as unknown as typeof report);
    },
  );
}
