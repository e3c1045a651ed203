// The gemeenten of the region (staff, and partner systems for the codes their meldingen carry).
import { schema } from '@vt/db';
import { asc } from 'drizzle-orm';
import { Type } from 'typebox';
import { errors } from '../../../schemas/common.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    { config: { action: 'referentie:gemeenten' }, schema: { tags: ['referentie'], summary: 'The gemeenten of the region', response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), naam: Type.String() })) }), ...errors(401, 403) } } },
    async () => ({ items: await app.db.db.select().from(schema.gemeenten).orderBy(asc(schema.gemeenten.naam)) }),
  );
}
