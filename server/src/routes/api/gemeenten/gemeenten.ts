// The gemeenten of the region (staff, and partner systems for the codes their meldingen carry).
import { listGemeenten } from '@vt/db';
import { Type } from 'typebox';

import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    { config: { action: 'referentie:gemeenten' }, schema: { tags: ['referentie'], summary: 'The gemeenten of the region', response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), naam: Type.String() })) }) } } },
    async () => ({ items: await listGemeenten(app.db.db) }),
  );
}
