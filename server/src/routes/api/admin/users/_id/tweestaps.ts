// Resetting a lost authenticator app.
import { resetTotp, writeAudit } from '@vt/db';
import { notFound } from '../../../../../errors.ts';
import { AdminUser } from '../../../../../schemas/accounts.ts';
import { IdParams, errors } from '../../../../../schemas/common.ts';
import { accountView } from '../../../../../services/accounts.ts';
import type { App } from '../../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/tweestaps-herstellen',
    {
      config: { action: 'users:beheren', caseAccess: false },
      schema: {
        tags: ['beheer'],
        summary: 'Reset a lost authenticator app: the user enrols again at the next sign-in; their sessions end',
        params: IdParams,
        response: { 200: AdminUser, ...errors(404) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const row = await app.db.db.transaction(async (tx) => {
        const r = await resetTotp(tx, req.params.id);
        if (!r) throw notFound('Gebruiker niet gevonden.');
        await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: r.id, ip: req.ip, purpose: 'tweestaps-herstellen' });
        return r;
      });
      return accountView(app, row);
    },
  );
}
