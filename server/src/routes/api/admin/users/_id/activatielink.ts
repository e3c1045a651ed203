// A new activation link for an account not yet activated.
import { findAccount, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { conflict, notFound } from '../../../../../errors.ts';
import { DateTime, IdParams, errors } from '../../../../../schemas/common.ts';
import { sendActivation } from '../../../../../services/accounts.ts';
import type { App, RouteOptions } from '../../../../../types.ts';

export default async function route(app: App, opts: RouteOptions) {

  app.post(
    '/activatielink',
    {
      config: { action: 'users:beheren', caseAccess: false },
      schema: {
        tags: ['beheer'],
        summary: 'Mail a new activation link to an account that has not set its password yet (the old link stops working)',
        params: IdParams,
        response: { 200: Type.Object({ verlooptOp: DateTime }), ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const expiresAt = await app.db.db.transaction(async (tx) => {
        const target = await findAccount(tx, req.params.id);
        if (!target) throw notFound('Gebruiker niet gevonden.');
        if (target.passwordHash !== null) throw conflict('Dit account is al geactiveerd.');
        const at = await sendActivation(app, opts.publicUrl, tx, target, actor.id!);
        await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: target.id, ip: req.ip, purpose: 'activatielink' });
        return at;
      });
      return { verlooptOp: expiresAt.toISOString() };
    },
  );
}
