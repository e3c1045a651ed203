// The access log for the privacy officer; reading it is itself logged, and an export as such (Accept: text/csv).
import { searchAudit, writeAudit } from '@vt/db';
import { auditActions } from '@vt/db/domain';
import { Type } from 'typebox';
import { Entry } from '../../../schemas/audit.ts';
import { Id, IsoDate, codeEnum } from '../../../schemas/common.ts';
import { sendCsv, wantsCsv } from '../../../services/csv.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The access log (privacy officer); newest first, at most 500 entries per page; Accept: text/csv exports the page',
        querystring: Type.Object(
          {
            meldingId: Type.Optional(Id),
            reference: Type.Optional(Type.String({ pattern: '^[AM]-[0-9]{4}-[0-9]{6}$', description: 'A melding or advies reference' })),
            actor: Type.Optional(Id),
            action: Type.Optional(codeEnum(auditActions)),
            from: Type.Optional(IsoDate),
            to: Type.Optional(IsoDate),
            page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ entries: Type.Array(Entry) }) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const csv = wantsCsv(req.headers);
      const entries = await app.db.db.transaction(async (tx) => {
        const found = await searchAudit(tx, req.query);
        await writeAudit(tx, actor, { action: csv ? 'export' : 'search', subjectType: 'audit_log', subjectId: req.query.meldingId ?? null, ip: req.ip, purpose: JSON.stringify(req.query) });
        return found;
      });
      if (!csv) return { entries };
      const rows = entries.map((e) => ({ ...e, subjectType: e.subject.type, subjectId: e.subject.id }));
      return sendCsv(reply, 'auditlog.csv', ['at', 'actorId', 'actorNaam', 'actorType', 'role', 'action', 'subjectType', 'subjectId', 'purpose', 'result', 'ip', 'breakGlassId'], rows);
    },
  );
}
