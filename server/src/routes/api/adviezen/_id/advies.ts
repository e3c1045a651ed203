// One advies.
import { findAdvies, writeAudit } from '@vt/db';
import { notFound } from '../../../../errors.ts';
import { Advies } from '../../../../schemas/advies.ts';
import { IdParams, errors } from '../../../../schemas/common.ts';
import type { App } from '../../../../types.ts';

export default async function route(app: App) {
  app.get(
    '',
    {
      // An advies is the caller's, never a case file about a household (domain.md, Records): its own role rule.
      config: { action: 'advies:read', caseAccess: false },
      schema: { tags: ['adviezen'], summary: 'One advies', params: IdParams, response: { 200: Advies, ...errors(404) } },
    },
    async (req) => {
      const actor = req.actor!;
      const view = await app.db.db.transaction(async (tx) => {
        const row = await findAdvies(tx, req.params.id);
        await writeAudit(tx, actor, { action: 'read', subjectType: 'advies', subjectId: req.params.id, result: row ? 'success' : 'not_found', ip: req.ip });
        if (!row) return null;
        const a = row.advies;
        const vrager = a.anoniem ? null : { ...(a.vragerNaam ? { naam: a.vragerNaam } : {}), ...(a.vragerTelefoon ? { telefoon: a.vragerTelefoon } : {}), ...(a.vragerEmail ? { email: a.vragerEmail } : {}), ...(a.vragerOrganisatie ? { organisatie: a.vragerOrganisatie } : {}) };
        return {
          id: a.id,
          reference: a.reference,
          kanaal: a.kanaal,
          startedAt: a.startedAt.toISOString(),
          endedAt: a.endedAt?.toISOString() ?? null,
          duurSeconden: a.endedAt ? Math.round((a.endedAt.getTime() - a.startedAt.getTime()) / 1000) : null,
          vragerType: a.vragerType,
          sector: a.sector,
          beroep: a.beroep,
          duurGeweld: a.duurGeweld,
          gemeente: a.gemeenteCode,
          anoniem: a.anoniem,
          vrager,
          geweldsvormen: a.geweldsvormen,
          samenvatting: a.samenvatting,
          adviesGegeven: a.adviesGegeven,
          uitkomst: a.uitkomst,
          meldingId: row.meldingId,
          createdAt: a.createdAt.toISOString(),
        };
      });
      if (!view) throw notFound('Advies niet gevonden.');
      return view;
    },
  );
}
