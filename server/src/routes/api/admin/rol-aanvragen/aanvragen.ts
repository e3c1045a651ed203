// Role requests waiting for a second person, and recent decisions.
import { listRolAanvragen, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { RolAanvraag } from '../../../../schemas/accounts.ts';

import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'rollen:besluiten' },
      schema: { tags: ['beheer'], summary: 'Role requests waiting for a second person, and recent decisions (beheerder, privacy officer)', response: { 200: Type.Object({ items: Type.Array(RolAanvraag) }) } },
    },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        const rows = await listRolAanvragen(tx);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'rol_aanvraag', ip: req.ip });
        return {
          items: rows.map((r) => ({
            id: r.id,
            user: r.user,
            roles: r.roles,
            requestedBy: { id: r.requestedBy, naam: r.requestedByNaam },
            requestedAt: r.requestedAt.toISOString(),
            status: r.status,
            decidedBy: r.decidedBy ? { id: r.decidedBy, naam: r.decidedByNaam ?? '' } : null,
            decidedAt: r.decidedAt?.toISOString() ?? null,
            reden: r.reden,
          })),
        };
      });
    },
  );
}
