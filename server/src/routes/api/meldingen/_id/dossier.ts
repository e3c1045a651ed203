// The case file: one melding with its triage, beoordeling, deadlines and where it sits now.
import { findMeldingDetail, writeAudit } from '@vt/db';
import { notFound } from '../../../../errors.ts';
import { caseAudit } from '../../../../plugins/app/case-access.ts';
import { IdParams, errors } from '../../../../schemas/common.ts';
import { Melding } from '../../../../schemas/melding.ts';
import { scopedRead } from '../../../../services/access.ts';
import { toMeldingView } from '../../../../services/meldingen.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      config: { action: 'melding:read', caseAccess: { from: 'melding', purpose: 'dossier' } },
      schema: {
        tags: ['meldingen'],
        summary: 'One melding with its triage, beoordeling, deadlines and where it sits now',
        params: IdParams,
        response: { 200: Melding, ...errors(404) },
      },
    },
    async (req, reply) => {
      const actor = req.actor!;
      return scopedRead(app.db.db, actor, async (tx) => {
        const detail = await findMeldingDetail(tx, req.case!.meldingId);
        if (!detail) throw notFound('Melding niet gevonden.');
        await writeAudit(tx, actor, caseAudit(req, { action: 'read', purpose: 'dossier' }));
        // Steps on the case send it back as If-Match (plugins/app/case-access.ts).
        void reply.header('etag', detail.version);
        return toMeldingView(detail, req.case!);
      });
    },
  );
}
