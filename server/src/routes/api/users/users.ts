// Active staff by role, for assigning cases and planning MDOs.
import { listStaff } from '@vt/db';
import { roles } from '@vt/db/domain';
import { Type } from 'typebox';
import { Id, Nullable, codeEnum } from '../../../schemas/common.ts';
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
        response: { 200: Type.Object({ items: Type.Array(Type.Object({ id: Id, name: Type.String(), roles: Type.Array(Type.String()), teamId: Nullable(Id) })) }) },
      },
    },
    async (req) => {
      return { items: await listStaff(app.db.db, req.query.role) };
    },
  );
}
