// The half-year figures for CBS (JSON, or CSV with Accept: text/csv).
import { halfjaar, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { IsoDate } from '../../../schemas/common.ts';
import { sendCsv, wantsCsv } from '../../../services/csv.ts';
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
        },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const csv = wantsCsv(req.headers);
      const report = await app.db.db.transaction(async (tx) => {
        const r = await halfjaar(tx, req.query.jaar, req.query.half as 1 | 2);
        await writeAudit(tx, actor, { action: 'export', subjectType: 'rapportage_halfjaar', ip: req.ip, purpose: `${req.query.jaar}-H${req.query.half}${csv ? ':csv' : ''}` });
        return r;
      });
      if (!csv) return report;
      return sendCsv(reply, `veilig-thuis-${report.jaar}-H${report.half}.csv`, ['categorie', 'code', 'aantal'], report.rijen);
    },
  );
}
