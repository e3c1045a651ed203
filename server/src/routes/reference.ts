// Reference data the forms need: gemeenten, teams and (for assigning) users. No case content.
import { asc, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { schema } from '@vt/db';
import { roles } from '@vt/db/domain';
import { Id, Nullable, codeEnum, errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

export default async function referenceRoutes(app: App) {
  app.get(
    '/gemeenten',
    { config: { action: 'referentie:gemeenten' }, schema: { tags: ['referentie'], summary: 'The gemeenten of the region', response: { 200: Type.Object({ items: Type.Array(Type.Object({ code: Type.String(), naam: Type.String() })) }), ...errors(401, 403) } } },
    async () => ({ items: await app.db.db.select().from(schema.gemeenten).orderBy(asc(schema.gemeenten.naam)) }),
  );

  app.get(
    '/teams',
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

  app.get(
    '/users',
    {
      schema: {
        tags: ['referentie'],
        summary: 'Active staff, optionally by role (for assigning cases)',
        querystring: Type.Object({ role: Type.Optional(codeEnum(roles)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, name: Type.String(), roles: Type.Array(Type.String()), teamId: Nullable(Id) })) }), ...errors(401, 403) },
      },
    },
    async (req) => {
      app.authorize(req, 'users:list');
      const u = schema.users;
      const rows = await app.db.db
        .select({ id: u.id, name: u.naam, roles: u.roles, teamId: u.teamId })
        .from(u)
        .where(req.query.role ? sql`${u.disabledAt} is null and ${req.query.role} = any(${u.roles})` : sql`${u.disabledAt} is null`)
        .orderBy(asc(u.naam));
      return { items: rows };
    },
  );
}
