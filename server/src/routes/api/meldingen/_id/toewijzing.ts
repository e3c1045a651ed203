// Assigning a case to a person or a duo (chef van de dag).
import { schema, writeAudit } from '@vt/db';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { badRequest, conflict } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { Id, IdParams, errors } from '../../../../schemas/common.ts';
import { Melding } from '../../../../schemas/melding.ts';
import { announce, lockCase } from '../../../../services/case.ts';
import { caseView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

const { meldingen, meldingEvents, users } = schema;

export default async function route(app: App) {
app.post(
    '/toewijzing',
    {
      config: { action: 'melding:toewijzen', caseAccess: { from: 'melding', purpose: 'toewijzing' } },
      schema: {
        tags: ['meldingen'],
        summary: 'Assign the case to a person or a duo (for a huisbezoek)',
        params: IdParams,
        body: Type.Object({ userIds: Type.Array(Id, { minItems: 1, maxItems: 2, uniqueItems: true }) }, { additionalProperties: false }),
        response: { 200: Melding, ...errors(400, 401, 403, 404, 409, 503) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      await app.db.db.transaction(async (tx) => {
        const m = await lockCase(tx, req.case!.meldingId);
        if (m.status === 'afgesloten') throw conflict('Deze melding is afgesloten.');
        const found = await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, req.body.userIds), isNull(users.disabledAt), sql`not ('wijkteam' = any(${users.roles}))`));
        if (found.length !== req.body.userIds.length) throw badRequest('Onbekende of niet-actieve medewerker.', [{ path: '/userIds', message: 'Kies actieve medewerkers van Veilig Thuis.' }]);
        await tx.update(meldingen).set({ assignedTo: req.body.userIds, updatedAt: new Date() }).where(eq(meldingen.id, m.id));
        await tx.insert(meldingEvents).values({ meldingId: m.id, type: 'toegewezen', actorId: actor.id, data: { userIds: req.body.userIds } });
        await writeAudit(tx, actor, caseAudit(req, { action: 'update', purpose: 'toewijzing' }));
      });
      await announce(app, ['melding.updated'], req.params.id);
      return caseView(app.db.db, req.case!);
    },
  );
}
