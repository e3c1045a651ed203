// The case history in the order it was recorded.
import { listHistorie, writeAudit } from '@vt/db';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, errors } from '../../../../schemas/common.ts';
import { Historie } from '../../../../schemas/melding.ts';
import { scopedRead } from '../../../../services/access.ts';
import type { App } from '../../../../types.ts';

/** Free text in an event's data written for colleagues (a reason, a note): not for the wijkteam. */
const WIJKTEAM_HIDDEN = new Set(['toelichting', 'reason']);
const withoutNotes = (data: Record<string, unknown>, hidden: ReadonlySet<string>) => Object.fromEntries(Object.entries(data).filter(([k]) => !hidden.has(k)));

export default async function route(app: App) {
  app.get(
    '/historie',
    {
      config: { action: 'melding:read', caseAccess: { from: 'melding', purpose: 'historie' } },
      schema: {
        tags: ['meldingen'],
        summary: 'The case history in the order it was recorded',
        params: IdParams,
        response: { 200: Historie, ...errors(404) },
      },
    },
    async (req) => {
      const actor = req.actor!;
      return scopedRead(app.db.db, actor, async (tx) => {
        await writeAudit(tx, actor, caseAudit(req, { action: 'read', subjectType: 'melding_historie', purpose: 'historie' }));
        const events = await listHistorie(tx, req.case!.meldingId);
        // The wijkteam sees what happened, not Veilig Thuis's own notes on it (services/meldingen.ts toMeldingView).
        const notes = req.case!.melderIdentity ? null : WIJKTEAM_HIDDEN;
        return { events: events.map((e) => ({ ...e, at: e.at.toISOString(), data: notes ? withoutNotes(e.data, notes) : e.data })) };
      });
    },
  );
}
