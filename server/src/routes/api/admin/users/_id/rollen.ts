// Setting an account's roles; what needs a second person waits.
import { findAccount, requestRoles, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { conflict, notFound } from '../../../../../errors.ts';
import { AdminUser, Roles } from '../../../../../schemas/accounts.ts';
import { IdParams, errors } from '../../../../../schemas/common.ts';
import { accountView, checkRoles } from '../../../../../services/accounts.ts';
import type { App } from '../../../../../types.ts';

export default async function route(app: App) {

  app.post(
    '/rollen',
    {
      config: { action: 'users:beheren', caseAccess: false },
      schema: {
        tags: ['beheer'],
        summary: 'Set an account’s roles: roles taken away go at once, roles that read case files or manage users wait for a second person',
        params: IdParams,
        body: Type.Object({ roles: Roles }, { additionalProperties: false }),
        response: { 200: AdminUser, ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const target = await findAccount(tx, req.params.id, { forUpdate: true });
        if (!target) throw notFound('Gebruiker niet gevonden.');
        checkRoles(req.body.roles, target.gemeenteCode);
        if (target.id === actor.id && req.body.roles.some((r) => !target.roles.includes(r))) throw conflict('U kent uzelf geen rollen toe; een collega-beheerder doet dat.');
        const granted = await requestRoles(tx, { userId: target.id, current: target.roles, wished: req.body.roles, requestedBy: actor.id! });
        await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: target.id, ip: req.ip, purpose: `rollen:${granted.roles.join(',')}${granted.aanvraagId ? `;aanvraag:${granted.aanvraagId}` : ''}` });
        return { ...target, roles: granted.roles };
      });
      return accountView(app, row);
    },
  );
}
