// The second person approves or refuses a role request.
import { rolBesluiten } from '@vt/db/domain';
import { decideRolAanvraag, writeAudit } from '@vt/db';
import { Type } from 'typebox';
import { badRequest, notFound } from '../../../../../errors.ts';
import { Id, IdParams, Text, codeEnum, errors } from '../../../../../schemas/common.ts';
import type { App } from '../../../../../types.ts';

export default async function route(app: App) {
  app.post(
    '/besluit',
    {
      config: { action: 'rollen:besluiten', caseAccess: false },
      schema: {
        tags: ['beheer'],
        summary: 'Approve or refuse a role request as the second person (never the one who asked, never for one’s own account)',
        params: IdParams,
        body: Type.Object({ besluit: codeEnum(rolBesluiten), reden: Type.Optional(Text(2000)) }, { additionalProperties: false }),
        response: { 200: Type.Object({ id: Id, status: Type.String() }), ...errors(404, 409) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      const reden = req.body.reden?.trim() || null;
      if (req.body.besluit === 'afgewezen' && (!reden || reden.length < 5)) throw badRequest('Geef de reden van de afwijzing.', [{ path: '/reden', message: 'Minimaal 5 tekens.' }]);
      const done = await app.db.db.transaction(async (tx) => {
        const r = await decideRolAanvraag(tx, { id: req.params.id, approverId: actor.id!, besluit: req.body.besluit, reden });
        if (r) await writeAudit(tx, actor, { action: 'decide', subjectType: 'rol_aanvraag', subjectId: r.userId, ip: req.ip, purpose: `${r.id}:${req.body.besluit}:${r.roles.join(',')}` });
        return r;
      });
      if (!done) throw notFound('Aanvraag niet gevonden.');
      return { id: done.id, status: done.status };
    },
  );
}
