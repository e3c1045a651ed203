// User administration for the beheerder: who has which roles, and switching an account off — which ends all of
// its sessions at once (a leaver or a lost laptop must not keep access until a session times out).
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { schema, writeAudit } from '@vt/db';
import { notFound } from '../errors.ts';
import { DateTime, Id, IdParams, Nullable, errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

const AdminUser = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  teamId: Nullable(Id),
  gemeente: Nullable(Type.String()),
  disabledAt: Nullable(DateTime),
  /** Whether the account has an authenticator app (TOTP) switched on. */
  tweestaps: Type.Boolean(),
});

export default async function adminUserRoutes(app: App) {
  const u = schema.users;
  const toView = (r: typeof u.$inferSelect) => ({
    id: r.id,
    email: r.email,
    name: r.naam,
    roles: r.roles,
    teamId: r.teamId,
    gemeente: r.gemeenteCode,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    tweestaps: r.totpEnabledAt !== null,
  });

  app.get(
    '/admin/users',
    { schema: { tags: ['beheer'], summary: 'All staff accounts with their roles (beheerder)', response: { 200: Type.Object({ items: Type.Array(AdminUser) }), ...errors(401, 403) } } },
    async (req) => {
      const actor = app.authorize(req, 'users:beheren');
      return app.db.db.transaction(async (tx) => {
        const rows = await tx.select().from(u).orderBy(asc(u.naam));
        await writeAudit(tx, actor, { action: 'search', subjectType: 'user', ip: req.ip });
        return { items: rows.map(toView) };
      });
    },
  );

  for (const [path, disabled] of [
    ['/admin/users/:id/uitschakelen', true],
    ['/admin/users/:id/inschakelen', false],
  ] as const) {
    app.post(
      path,
      {
        schema: {
          tags: ['beheer'],
          summary: disabled ? 'Switch an account off and end all its sessions at once' : 'Switch an account on again',
          params: IdParams,
          response: { 200: AdminUser, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        const actor = app.authorize(req, 'users:beheren');
        return app.db.db.transaction(async (tx) => {
          const [row] = await tx
            .update(u)
            .set({ disabledAt: disabled ? new Date() : null })
            .where(eq(u.id, req.params.id))
            .returning();
          if (!row) throw notFound('Gebruiker niet gevonden.');
          if (disabled) await tx.delete(schema.sessions).where(eq(schema.sessions.userId, row.id));
          await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: row.id, ip: req.ip, purpose: disabled ? 'uitschakelen' : 'inschakelen' });
          return toView(row);
        });
      },
    );
  }

  app.post(
    '/admin/users/:id/tweestaps-herstellen',
    {
      schema: {
        tags: ['beheer'],
        summary: 'Reset a lost authenticator app: the user enrols again at the next sign-in; their sessions end',
        params: IdParams,
        response: { 200: AdminUser, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const actor = app.authorize(req, 'users:beheren');
      return app.db.db.transaction(async (tx) => {
        const [row] = await tx
          .update(u)
          .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
          .where(eq(u.id, req.params.id))
          .returning();
        if (!row) throw notFound('Gebruiker niet gevonden.');
        await tx.delete(schema.sessions).where(eq(schema.sessions.userId, row.id));
        await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: row.id, ip: req.ip, purpose: 'tweestaps-herstellen' });
        return toView(row);
      });
    },
  );
}
