// Break-glass openings, for the manager (who, which case, when) and the privacy officer (and why).
import { listBreakGlass, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { can } from '../../../authz.ts';
import { DateTime, Id, Nullable } from '../../../schemas/common.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'breakglass:list' },
      schema: {
        tags: ['meldingen'],
        summary: 'Break-glass openings, newest first (manager and privacy officer; only the latter sees the reasons)',
        querystring: Type.Object({ from: Type.Optional(DateTime), to: Type.Optional(DateTime) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Id,
                at: DateTime,
                expiresAt: DateTime,
                user: Type.Object({ id: Id, naam: Type.String() }),
                melding: Type.Object({ id: Id, reference: Type.String() }),
                reden: Nullable(Type.String()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const actor = req.actor!;
      // The reasons given are for who reads the audit trail; the manager sees the counts per person.
      const seesReasons = can(actor, 'audit:read');
      return app.db.db.transaction(async (tx) => {
        const rows = await listBreakGlass(tx, { ...(req.query.from ? { from: new Date(req.query.from) } : {}), ...(req.query.to ? { to: new Date(req.query.to) } : {}) });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'break_glass', ip: req.ip, purpose: JSON.stringify(req.query) });
        return {
          items: rows.map((r) => ({
            id: r.id,
            at: r.at.toISOString(),
            expiresAt: r.expiresAt.toISOString(),
            user: { id: r.userId, naam: r.userNaam },
            melding: { id: r.meldingId, reference: r.reference },
            reden: seesReasons ? r.reden : null,
          })),
        };
      });
    },
  );
}
