// Switching an account off (all its sessions end at once) and on again.
import { setAccountDisabled, writeAudit } from '@vt/db';
import { notFound } from '../../../../../errors.ts';
import { AdminUser } from '../../../../../schemas/accounts.ts';
import { IdParams, errors } from '../../../../../schemas/common.ts';
import { accountView } from '../../../../../services/accounts.ts';
import type { App } from '../../../../../types.ts';

export default async function route(app: App) {
  for (const [path, disabled] of [
    ['/uitschakelen', true],
    ['/inschakelen', false],
  ] as const) {
    app.post(
      path,
      {
        config: { action: 'users:beheren', caseAccess: false },
        schema: {
          tags: ['beheer'],
          summary: disabled ? 'Switch an account off and end all its sessions at once' : 'Switch an account on again',
          params: IdParams,
          response: { 200: AdminUser, ...errors(404) },
        },
      },
      async (req) => {
        const actor = req.actor!;
        const row = await app.db.db.transaction(async (tx) => {
          const r = await setAccountDisabled(tx, req.params.id, disabled);
          if (!r) throw notFound('Gebruiker niet gevonden.');
          await writeAudit(tx, actor, { action: 'update', subjectType: 'user', subjectId: r.id, ip: req.ip, purpose: disabled ? 'uitschakelen' : 'inschakelen' });
          return r;
        });
        return accountView(app, row);
      },
    );
  }}
