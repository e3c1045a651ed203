// The access log for the privacy officer; reading it is itself logged.
import { searchAudit, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { Entry } from '../../../schemas/audit.ts';
import { Id, IsoDate, errors } from '../../../schemas/common.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'audit:read' },
      schema: {
        tags: ['audit'],
        summary: 'The access log (privacy officer); newest first, at most 500 entries per page',
        querystring: Type.Object(
          { meldingId: Type.Optional(Id), actor: Type.Optional(Id), from: Type.Optional(IsoDate), to: Type.Optional(IsoDate), page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ entries: Type.Array(Entry) }), ...errors(400, 401, 403, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        const entries = await searchAudit(tx, req.query);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'audit_log', subjectId: req.query.meldingId ?? null, ip: req.ip, purpose: JSON.stringify(req.query) });
        return { entries };
      });
    },
  );
}
