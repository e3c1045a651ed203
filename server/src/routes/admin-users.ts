// User administration under four eyes (issue #14, finding 4). The beheerder creates accounts and changes roles, but
// never knows a password (the user sets it with a one-time activation link mailed to them) and cannot grant a role
// that reads case files or the audit trail, or manages users, on its own: a second person — another beheerder or the
// privacy officer, never the one who asked and never the account itself — approves or refuses it. Reading the audit
// trail and managing users never go together in one account. Switching an account off ends its sessions at once.
import { asc, eq, inArray } from 'drizzle-orm';
import { Type } from 'typebox';
import {
  AccountConflict,
  decideRolAanvraag,
  incompatible,
  issueActivation,
  listRolAanvragen,
  openRolAanvragen,
  requestRoles,
  schema,
  writeAudit,
  type Tx,
} from '@vt/db';
import { roles, type Role } from '@vt/db/domain';
import { badRequest, conflict, notFound } from '../errors.ts';
import { DateTime, GemeenteCode, Id, IdParams, Nullable, Text, codeEnum, errors } from '../schemas/common.ts';
import type { App } from '../types.ts';

const Roles = Type.Array(codeEnum(roles), { minItems: 1, maxItems: 4, uniqueItems: true });
const AdminUser = Type.Object({
  id: Id,
  email: Type.String(),
  name: Type.String(),
  roles: Type.Array(Type.String()),
  /** Roles asked for that wait for a second person's approval. */
  rollenAangevraagd: Type.Array(Type.String()),
  teamId: Nullable(Id),
  otherTeamIds: Type.Array(Id),
  gemeente: Nullable(Type.String()),
  disabledAt: Nullable(DateTime),
  /** Whether the user set a password with the activation link. */
  geactiveerd: Type.Boolean(),
  /** Whether the account has an authenticator app (TOTP) switched on. */
  tweestaps: Type.Boolean(),
});
const RolAanvraag = Type.Object({
  id: Id,
  user: Type.Object({ id: Id, naam: Type.String(), email: Type.String(), roles: Type.Array(Type.String()) }),
  roles: Type.Array(Type.String()),
  requestedBy: Type.Object({ id: Id, naam: Type.String() }),
  requestedAt: DateTime,
  status: codeEnum(['aangevraagd', 'goedgekeurd', 'afgewezen'] as const),
  decidedBy: Nullable(Type.Object({ id: Id, naam: Type.String() })),
  decidedAt: Nullable(DateTime),
  reden: Nullable(Type.String()),
});
const AccountBody = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    naam: Type.String({ minLength: 2, maxLength: 200 }),
    roles: Roles,
    teamId: Type.Optional(Id),
    otherTeamIds: Type.Optional(Type.Array(Id, { maxItems: 5, uniqueItems: true })),
    gemeente: Type.Optional(GemeenteCode),
  },
  { additionalProperties: false },
);

export default async function adminUserRoutes(app: App, opts: { publicUrl: string }) {
  const u = schema.users;
  const views = async (rows: (typeof u.$inferSelect)[]) => {
    const open = new Map((await openRolAanvragen(app.db.db)).map((a) => [a.userId, a.roles]));
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      name: r.naam,
      roles: r.roles,
      rollenAangevraagd: open.get(r.id) ?? [],
      teamId: r.teamId,
      otherTeamIds: r.otherTeamIds,
      gemeente: r.gemeenteCode,
      disabledAt: r.disabledAt?.toISOString() ?? null,
      geactiveerd: r.passwordHash !== null,
      tweestaps: r.totpEnabledAt !== null,
    }));
  };
  const view = async (r: typeof u.$inferSelect) => (await views([r]))[0]!;

  /** Teams and gemeente named in the body exist (a foreign key is not an error message). */
  async function checkPlaces(b: { teamId?: string; otherTeamIds?: string[]; gemeente?: string }) {
    const teamIds = [...(b.teamId ? [b.teamId] : []), ...(b.otherTeamIds ?? [])];
    const found = teamIds.length ? await app.db.db.select({ id: schema.teams.id }).from(schema.teams).where(inArray(schema.teams.id, teamIds)) : [];
    if (found.length !== new Set(teamIds).size) throw badRequest('Onbekend team.', [{ path: b.teamId && !found.some((f) => f.id === b.teamId) ? '/teamId' : '/otherTeamIds', message: 'Kies een bestaand team.' }]);
    if (b.gemeente && !(await app.db.db.select().from(schema.gemeenten).where(eq(schema.gemeenten.code, b.gemeente))).length) {
      throw badRequest('Onbekende gemeente.', [{ path: '/gemeente', message: 'Onbekende gemeente voor deze regio.' }]);
    }
  }

  const checkRoles = (wished: readonly Role[], gemeente: string | undefined | null) => {
    const clash = incompatible(wished);
    if (clash) throw badRequest(`De rollen ${clash[0]} en ${clash[1]} gaan niet samen in één account.`, [{ path: '/roles', message: 'Wie het auditlog leest, beheert geen gebruikers.' }]);
    if (wished.includes('wijkteam') && !gemeente) throw badRequest('Een wijkteam-account hoort bij een gemeente.', [{ path: '/gemeente', message: 'Kies de gemeente.' }]);
  };

  /** Mails the activation link; the beheerder sees that it went, never the link itself. */
  async function sendActivation(tx: Tx, user: { id: string; email: string; naam: string }, by: string) {
    const { token, expiresAt } = await issueActivation(tx, { userId: user.id, createdBy: by });
    await app.mailer.send({
      to: user.email,
      subject: 'Uw account voor de Veilig Thuis backoffice',
      text: [
        `Beste ${user.naam},`,
        '',
        'Er is een account voor u aangemaakt in de Veilig Thuis backoffice. Kies uw wachtwoord via deze link:',
        `${opts.publicUrl}/activeren#${token}`,
        '',
        `De link werkt één keer en tot ${expiresAt.toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}. Daarna stelt u bij de eerste aanmelding uw authenticator-app in.`,
        'Verwachtte u dit bericht niet? Neem dan contact op met de beheerder van Veilig Thuis.',
      ].join('\n'),
    });
    return expiresAt;
  }

  const accountConflicts = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (err) {
      if (err instanceof AccountConflict) throw conflict(err.message);
      throw err;
    }
  };

  app.post(
    '/admin/users',
    {
      config: { action: 'users:beheren' },
      schema: {
        tags: ['beheer'],
        summary: 'Create a staff account: the user sets a password with a mailed one-time link; roles that read case files wait for a second person',
        body: AccountBody,
        response: { 201: AdminUser, ...errors(400, 401, 403, 409, 503) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const email = req.body.email.trim().toLowerCase();
      checkRoles(req.body.roles, req.body.gemeente);
      await checkPlaces(req.body);
      const row = await app.db.db.transaction(async (tx) => {
        const [created] = await tx
          .insert(u)
          .values({ email, naam: req.body.naam.trim(), roles: [], teamId: req.body.teamId ?? null, otherTeamIds: req.body.otherTeamIds ?? [], gemeenteCode: req.body.gemeente ?? null, passwordHash: null })
          .onConflictDoNothing()
          .returning();
        if (!created) return null;
        const granted = await requestRoles(tx, { userId: created.id, current: [], wished: req.body.roles, requestedBy: actor.id! });
        await writeAudit(tx, actor, { action: 'create', subjectType: 'user', subjectId: created.id, ip: req.ip, purpose: `rollen:${granted.roles.join(',')}` });
        if (granted.aanvraagId) await writeAudit(tx, actor, { action: 'create', subjectType: 'rol_aanvraag', subjectId: created.id, ip: req.ip, purpose: `${granted.aanvraagId}:${req.body.roles.filter((r) => !granted.roles.includes(r)).join(',')}` });
        await sendActivation(tx, created, actor.id!);
        return { ...created, roles: granted.roles };
      });
      if (!row) throw conflict('Er bestaat al een account met dit e-mailadres.');
      return reply.status(201).send(await view(row));
    },
  );

  app.get(
    '/admin/users',
    { config: { action: 'users:beheren' }, schema: { tags: ['beheer'], summary: 'All staff accounts with their roles and the roles waiting for approval (beheerder)', response: { 200: Type.Object({ items: Type.Array(AdminUser) }), ...errors(401, 403) } } },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        const rows = await tx.select().from(u).orderBy(asc(u.naam));
        await writeAudit(tx, actor, { action: 'search', subjectType: 'user', ip: req.ip });
        return { items: await views(rows) };
      });
    },
  );

  app.post(
    '/admin/users/:id/rollen',
    {
      config: { action: 'users:beheren', caseAccess: false },
      schema: {
        tags: ['beheer'],
        summary: 'Set an account’s roles: roles taken away go at once, roles that read case files or manage users wait for a second person',
        params: IdParams,
        body: Type.Object({ roles: Roles }, { additionalProperties: false }),
        response: { 200: AdminUser, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const [target] = await tx.select().from(u).where(eq(u.id, req.params.id)).for('update');
        if (!target) throw notFound('Gebruiker niet gevonden.');
        checkRoles(req.body.roles, target.gemeenteCode);
        if (target.id === actor.id && req.body.roles.some((r) => !target.roles.includes(r))) throw conflict('U kent uzelf geen rollen toe; een collega-beheerder doet dat.');
        const granted = await requestRoles(tx, { userId: target.id, current: target.roles, wished: req.body.roles, requestedBy: actor.id! });
        await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: target.id, ip: req.ip, purpose: `rollen:${granted.roles.join(',')}${granted.aanvraagId ? `;aanvraag:${granted.aanvraagId}` : ''}` });
        return { ...target, roles: granted.roles };
      });
      return view(row);
    },
  );

  app.post(
    '/admin/users/:id/activatielink',
    {
      config: { action: 'users:beheren', caseAccess: false },
      schema: {
        tags: ['beheer'],
        summary: 'Mail a new activation link to an account that has not set its password yet (the old link stops working)',
        params: IdParams,
        response: { 200: Type.Object({ verlooptOp: DateTime }), ...errors(401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const expiresAt = await app.db.db.transaction(async (tx) => {
        const [target] = await tx.select().from(u).where(eq(u.id, req.params.id));
        if (!target) throw notFound('Gebruiker niet gevonden.');
        if (target.passwordHash !== null) throw conflict('Dit account is al geactiveerd.');
        const at = await sendActivation(tx, target, actor.id!);
        await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: target.id, ip: req.ip, purpose: 'activatielink' });
        return at;
      });
      return { verlooptOp: expiresAt.toISOString() };
    },
  );

  app.get(
    '/admin/rol-aanvragen',
    {
      config: { action: 'rollen:besluiten' },
      schema: { tags: ['beheer'], summary: 'Role requests waiting for a second person, and recent decisions (beheerder, privacy officer)', response: { 200: Type.Object({ items: Type.Array(RolAanvraag) }), ...errors(401, 403) } },
    },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        const rows = await listRolAanvragen(tx);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'rol_aanvraag', ip: req.ip });
        return {
          items: rows.map((r) => ({
            id: r.id,
            user: r.user,
            roles: r.roles,
            requestedBy: { id: r.requestedBy, naam: r.requestedByNaam },
            requestedAt: r.requestedAt.toISOString(),
            status: r.status,
            decidedBy: r.decidedBy ? { id: r.decidedBy, naam: r.decidedByNaam ?? '' } : null,
            decidedAt: r.decidedAt?.toISOString() ?? null,
            reden: r.reden,
          })),
        };
      });
    },
  );

  app.post(
    '/admin/rol-aanvragen/:id/besluit',
    {
      config: { action: 'rollen:besluiten', caseAccess: false },
      schema: {
        tags: ['beheer'],
        summary: 'Approve or refuse a role request as the second person (never the one who asked, never for one’s own account)',
        params: IdParams,
        body: Type.Object({ besluit: codeEnum(['goedgekeurd', 'afgewezen'] as const), reden: Type.Optional(Text(2000)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id, status: Type.String() }), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const reden = req.body.reden?.trim() || null;
      if (req.body.besluit === 'afgewezen' && (!reden || reden.length < 5)) throw badRequest('Geef de reden van de afwijzing.', [{ path: '/reden', message: 'Minimaal 5 tekens.' }]);
      const done = await accountConflicts(() =>
        app.db.db.transaction(async (tx) => {
          const r = await decideRolAanvraag(tx, { id: req.params.id, approverId: actor.id!, besluit: req.body.besluit, reden });
          if (r) await writeAudit(tx, actor, { action: 'decide', subjectType: 'rol_aanvraag', subjectId: r.userId, ip: req.ip, purpose: `${r.id}:${req.body.besluit}:${r.roles.join(',')}` });
          return r;
        }),
      );
      if (!done) throw notFound('Aanvraag niet gevonden.');
      return { id: done.id, status: done.status };
    },
  );

  for (const [path, disabled] of [
    ['/admin/users/:id/uitschakelen', true],
    ['/admin/users/:id/inschakelen', false],
  ] as const) {
    app.post(
      path,
      {
        config: { action: 'users:beheren', caseAccess: false },
        schema: {
          tags: ['beheer'],
          summary: disabled ? 'Switch an account off and end all its sessions at once' : 'Switch an account on again',
          params: IdParams,
          response: { 200: AdminUser, ...errors(401, 403, 404) },
        },
      },
      async (req) => {
        const actor = req.actor!;
        const row = await app.db.db.transaction(async (tx) => {
          const [r] = await tx
            .update(u)
            .set({ disabledAt: disabled ? new Date() : null })
            .where(eq(u.id, req.params.id))
            .returning();
          if (!r) throw notFound('Gebruiker niet gevonden.');
          if (disabled) await tx.delete(schema.sessions).where(eq(schema.sessions.userId, r.id));
          await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: r.id, ip: req.ip, purpose: disabled ? 'uitschakelen' : 'inschakelen' });
          return r;
        });
        return view(row);
      },
    );
  }

  app.post(
    '/admin/users/:id/tweestaps-herstellen',
    {
      config: { action: 'users:beheren', caseAccess: false },
      schema: {
        tags: ['beheer'],
        summary: 'Reset a lost authenticator app: the user enrols again at the next sign-in; their sessions end',
        params: IdParams,
        response: { 200: AdminUser, ...errors(401, 403, 404) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const [r] = await tx
          .update(u)
          .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null })
          .where(eq(u.id, req.params.id))
          .returning();
        if (!r) throw notFound('Gebruiker niet gevonden.');
        await tx.delete(schema.sessions).where(eq(schema.sessions.userId, r.id));
        await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: r.id, ip: req.ip, purpose: 'tweestaps-herstellen' });
        return r;
      });
      return view(row);
    },
  );
}
