// The access log for the privacy officer; reading it is itself logged.
import { schema, writeAudit } from '@vt/db';
import { addDays, amsterdamStartOfDay } from '@vt/db/domain';
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
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
      const a = schema.auditLog;
      const where: SQL[] = [];
      if (req.query.meldingId) where.push(eq(a.subjectId, req.query.meldingId));
      if (req.query.actor) where.push(eq(a.actorId, req.query.actor));
      if (req.query.from) where.push(gte(a.at, amsterdamStartOfDay(req.query.from)));
      if (req.query.to) where.push(lt(a.at, amsterdamStartOfDay(addDays(req.query.to, 1))));
      const page = req.query.page ?? 1;
      return app.db.db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(a)
          .where(where.length ? and(...where) : undefined)
          .orderBy(desc(a.id))
          .limit(500)
          .offset((page - 1) * 500);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'audit_log', subjectId: req.query.meldingId ?? null, ip: req.ip, purpose: JSON.stringify(req.query) });
        return {
          entries: rows.map((r) => ({
            at: r.at.toISOString(),
            actorId: r.actorId,
            actorType: r.actorType,
            role: r.role,
            action: r.action,
            subject: { type: r.subjectType, id: r.subjectId },
            purpose: r.purpose,
            result: r.result,
            ip: r.ip,
            breakGlassId: r.breakGlassId,
          })),
        };
      });
    },
  );
}
