// Active staff by role, for assigning cases and planning MDOs.
import { schema } from '@vt/db';
import { roles } from '@vt/db/domain';
import { asc, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { Id, Nullable, codeEnum, errors } from '../../../schemas/common.ts';
import type { App } from '../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'users:list' },
      schema: {
        tags: ['referentie'],
        summary: 'Active staff, optionally by role (for assigning cases)',
        querystring: Type.Object({ role: Type.Optional(codeEnum(roles)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, name: Type.String(), roles: Type.Array(Type.String()), teamId: Nullable(Id) })) }), ...errors(401, 403) },
      },
    },
    async (req) => {
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
