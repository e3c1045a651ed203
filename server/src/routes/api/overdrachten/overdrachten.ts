// Handovers: a wijkteam's inbox, and the handovers of the cases others may open.
import { hulpverleningVan, listOverdrachten, writeAudit } from '@vt/db';
import { Type } from 'typebox';

import { Overdracht } from '../../../schemas/lifecycle.ts';
import { scopedRead } from '../../../services/access.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'overdracht:inbox' },
      schema: {
        tags: ['levensloop'],
        summary: "Handovers: a wijkteam sees its own gemeente's inbox only, without the melder's identity",
        response: { 200: Type.Object({ items: Type.Array(Overdracht) }) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const ownGemeenteOnly = actor.type === 'user' && actor.roles.includes('wijkteam');
      if (ownGemeenteOnly && !req.sessionUser?.gemeente) return { items: [] };
      return scopedRead(app.db.db, actor, async (tx) => {
        const rows = await listOverdrachten(tx, { gemeente: ownGemeenteOnly ? req.sessionUser!.gemeente : null, readableBy: actor });
        await writeAudit(tx, actor, { action: 'search', subjectType: 'overdracht', ip: req.ip });
        return {
          items: rows.map((r) => ({ ...r, hulpverlening: hulpverleningVan(r.hulpverlening), createdAt: r.createdAt.toISOString(), decidedAt: r.decidedAt?.toISOString() ?? null })),
        };
      });
    },
  );
}
