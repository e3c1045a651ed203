// The teams (staff only).
import { schema } from '@vt/db';
import { asc } from 'drizzle-orm';
import { Type } from 'typebox';
import { Id, Nullable, errors } from '../../../schemas/common.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'referentie:lezen' },
      schema: {
        tags: ['referentie'],
        summary: 'The teams',
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, kind: Type.String(), naam: Type.String(), gemeente: Nullable(Type.String()) })) }), ...errors(401, 403) },
      },
    },
    async () => ({
      items: (await app.db.db.select().from(schema.teams).orderBy(asc(schema.teams.kind), asc(schema.teams.naam))).map((t) => ({ id: t.id, kind: t.kind, naam: t.naam, gemeente: t.gemeenteCode })),
    }),
  );
}
