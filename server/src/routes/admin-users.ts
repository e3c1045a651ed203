// User administration for the beheerder: who has which roles, and switching an account off — which ends all of
// its sessions at once (a leaver or a lost laptop must not keep access until a session times out).
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { hashPassword, passwordProblems, schema, writeAudit } from '@vt/db';
import { roles } from '@vt/db/domain';
import { badRequest, conflict, notFound } from '../errors.ts';
import { DateTime, GemeenteCode, Id, IdParams, Nullable, codeEnum, errors } from '../schemas/common.ts';
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

  app.post(
    '/admin/users',
    {
      schema: {
        tags: ['beheer'],
        summary: 'Create a staff account with a first password (the password rules apply; TOTP is enrolled at first sign-in)',
        body: Type.Object(
          {
            email: Type.String({ format: 'email', maxLength: 254 }),
            naam: Type.String({ minLength: 2, maxLength: 200 }),
            roles: Type.Array(codeEnum(roles), { minItems: 1, maxItems: 4, uniqueItems: true }),
            teamId: Type.Optional(Id),
            gemeente: Type.Optional(GemeenteCode),
            wachtwoord: Type.String({ minLength: 1, maxLength: 200 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: AdminUser, ...errors(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const actor = app.authorize(req, 'users:beheren');
      const email = req.body.email.trim().toLowerCase();
      const problems = passwordProblems(req.body.wachtwoord, { email, naam: req.body.naam });
      if (problems.length) throw badRequest('Het wachtwoord voldoet niet aan de regels.', problems.map((message) => ({ path: '/wachtwoord', message })));
      if (req.body.roles.includes('wijkteam') && !req.body.gemeente) throw badRequest('Een wijkteam-account hoort bij een gemeente.', [{ path: '/gemeente', message: 'Kies de gemeente.' }]);
      const passwordHash = await hashPassword(req.body.wachtwoord);
      const row = await app.db.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(u)
          .values({ email, naam: req.body.naam.trim(), roles: req.body.roles, teamId: req.body.teamId ?? null, gemeenteCode: req.body.gemeente ?? null, passwordHash })
          .onConflictDoNothing()
          .returning();
        if (!created) return null;
        await writeAudit(tx, actor, { action: 'create', subjectType: 'user', subjectId: created.id, ip: req.ip, purpose: req.body.roles.join(',') });
        return created;
      });
      if (!row) throw conflict('Er bestaat al een account met dit e-mailadres.');
      return reply.status(201).send(toView(row));
    },
  );

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
        config: { caseAccess: false },
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
      config: { caseAccess: false },
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
