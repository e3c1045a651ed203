// The teams (staff only).
import { listTeams } from '@vt/db';
import { Type } from 'typebox';
import { Id, Nullable } from '../../../schemas/common.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'referentie:lezen' },
      schema: {
        tags: ['referentie'],
        summary: 'The teams',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, kind: Type.String(), naam: Type.String(), gemeente: Nullable(Type.String()) })) }) },
      },
    },
    async () => ({
      items: (await listTeams(app.db.db)).map((t) => ({ id: t.id, kind: t.kind, naam: t.naam, gemeente: t.gemeenteCode })),
    }),
  );
}
