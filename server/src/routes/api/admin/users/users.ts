// Creating accounts (under four eyes) and listing them (beheerder).
import { createAccount, listAccounts, requestRoles, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { conflict } from '../../../../errors.ts';
import { AccountBody, AdminUser } from '../../../../schemas/accounts.ts';
import { errors } from '../../../../schemas/common.ts';
import { accountView, accountViews, checkPlaces, checkRoles, sendActivation } from '../../../../services/accounts.ts';
import type { App, RouteOptions } from '../../../../types.ts';

export default async function route(app: App, opts: RouteOptions) {

  app.post(
    '',
    {
      config: { action: 'users:beheren' },
      schema: {
        tags: ['beheer'],
        summary: 'Create a staff account: the user sets a password with a mailed one-time link; roles that read case files wait for a second person',
        body: AccountBody,
        response: { 201: AdminUser, ...errors(409) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const email = req.body.email.trim().toLowerCase();
      checkRoles(req.body.roles, req.body.gemeente);
      await checkPlaces(app, req.body);
      const row = await app.db.db.transaction(async (tx) => {
        const created = await createAccount(tx, { email, naam: req.body.naam.trim(), teamId: req.body.teamId ?? null, otherTeamIds: req.body.otherTeamIds ?? [], gemeente: req.body.gemeente ?? null });
        if (!created) return null;
        const granted = await requestRoles(tx, { userId: created.id, current: [], wished: req.body.roles, requestedBy: actor.id! });
        await writeAudit(tx, actor, { action: 'create', subjectType: 'user', subjectId: created.id, ip: req.ip, purpose: `rollen:${granted.roles.join(',')}` });
        if (granted.aanvraagId) await writeAudit(tx, actor, { action: 'create', subjectType: 'rol_aanvraag', subjectId: created.id, ip: req.ip, purpose: `${granted.aanvraagId}:${req.body.roles.filter((r) => !granted.roles.includes(r)).join(',')}` });
        await sendActivation(app, opts.publicUrl, tx, created, actor.id!);
        return { ...created, roles: granted.roles };
      });
      if (!row) throw conflict('Er bestaat al een account met dit e-mailadres.');
      return reply.status(201).send(await accountView(app, row));
    },
  );

  app.get(
    '',
    { config: { action: 'users:beheren' }, schema: { tags: ['beheer'], summary: 'All staff accounts with their roles and the roles waiting for approval (beheerder)', response: { 200: Type.Object({ items: Type.Array(AdminUser) }) } } },
    async (req) => {
      const actor = req.actor!;
      return app.db.db.transaction(async (tx) => {
        const rows = await listAccounts(tx);
        await writeAudit(tx, actor, { action: 'search', subjectType: 'user', ip: req.ip });
        return { items: await accountViews(app, rows) };
      });
    },
  );
}
