// The access log for the privacy officer; reading it is itself logged, and an export as such (Accept: text/csv).
import { searchAudit, writeAudit } from '@vt/db';
import { auditActions } from '@vt/db/domain';
import { stringify } from 'csv-stringify/sync';
import { Type } from 'typebox';
import { Entry } from '../../../schemas/audit.ts';
import { Id, IsoDate, codeEnum, errors } from '../../../schemas/common.ts';
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
        response: { 200: Type.Object({ entries: Type.Array(Entry) }), ...errors(400, 401, 403, 503) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const csv = (req.headers.accept ?? '').includes('text/csv');
      const entries = await app.db.db.transaction(async (tx) => {
        const found = await searchAudit(tx, req.query);
        await writeAudit(tx, actor, { action: csv ? 'export' : 'search', subjectType: 'audit_log', subjectId: req.query.meldingId ?? null, ip: req.ip, purpose: JSON.stringify(req.query) });
        return found;
      });
      if (!csv) return { entries };
      // A cell that a spreadsheet would run as a formula (=, +, -, @) starts with an apostrophe (OWASP, CSV injection).
      const safe = (v: unknown) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
      const rows = entries.map((e) => Object.fromEntries(Object.entries({ ...e, subjectType: e.subject.type, subjectId: e.subject.id }).map(([k, v]) => [k, safe(v)])));
      const body = stringify(rows, {
        header: true,
        columns: ['at', 'actorId', 'actorNaam', 'actorType', 'role', 'action', 'subjectType', 'subjectId', 'purpose', 'result', 'ip', 'breakGlassId'],
        record_delimiter: 'windows',
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="auditlog.csv"')
        .serializer((x: unknown) => x as string)
        .send(body as unknown as { entries: typeof entries });
    },
  );
}
